// Chromium-style thumbnail loader: sequence-bound state stays on the owning
// sequence; the pool task only sees values bound into it, and the reply
// hops back to the owning sequence, where it checks the sequence again.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "mock/chromium_sequence.h"

std::vector<unsigned char> DecodeAndScale(const std::string& path, int size);

class ThumbnailLoader {
 public:
  explicit ThumbnailLoader(int thumbnail_size)
      : thumbnail_size_(thumbnail_size), weak_factory_(this) {}

  void Load(const std::string& path) {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    if (cache_.count(path) || in_flight_.count(path)) return;
    in_flight_[path] = ++generation_;
    base::ThreadPool::PostTask(
        FROM_HERE, [path, size = thumbnail_size_, origin = origin_,
                    weak = weak_factory_.GetWeakPtr()] {
          std::vector<unsigned char> pixels = DecodeAndScale(path, size);
          origin->PostTask(FROM_HERE, [weak, path, pixels = std::move(pixels)]() mutable {
            if (weak) weak->OnDecoded(path, std::move(pixels));
          });
        });
  }

  bool GetCached(const std::string& path, std::vector<unsigned char>* out) const {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    auto it = cache_.find(path);
    if (it == cache_.end()) return false;
    *out = it->second;
    return true;
  }

  size_t in_flight_count() const {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    return in_flight_.size();
  }

 private:
  void OnDecoded(const std::string& path, std::vector<unsigned char> pixels) {
    DCHECK_CALLED_ON_VALID_SEQUENCE(sequence_checker_);
    in_flight_.erase(path);
    cache_[path] = std::move(pixels);
  }

  const int thumbnail_size_;
  base::SequencedTaskRunner* const origin_ = base::SequencedTaskRunner::GetCurrentDefault();

  SEQUENCE_CHECKER(sequence_checker_);
  std::map<std::string, std::vector<unsigned char>> cache_ GUARDED_BY_CONTEXT(sequence_checker_);
  std::map<std::string, int> in_flight_ GUARDED_BY_CONTEXT(sequence_checker_);
  int generation_ GUARDED_BY_CONTEXT(sequence_checker_) = 0;

  base::WeakPtrFactory<ThumbnailLoader> weak_factory_;
};
