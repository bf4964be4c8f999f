// Parallel histogram build over column chunks with TBB task groups: every
// task writes only its own slot of the partial-results vector, which is
// combined after wait(). The reader thread's cursor is documented as owned
// by that thread.
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "tbb_mock.h"

namespace columnar {

struct Partial {
  uint64_t count = 0;
  int64_t min = INT64_MAX;
  int64_t max = INT64_MIN;
};

Partial BuildHistogram(const std::vector<std::vector<int64_t>>& chunks) {
  std::vector<Partial> partials(chunks.size());
  tbb::task_group group;
  for (size_t i = 0; i < chunks.size(); ++i) {
    group.run([&partials, &chunks, i] {
      Partial& p = partials[i];
      for (int64_t v : chunks[i]) {
        ++p.count;
        if (v < p.min) p.min = v;
        if (v > p.max) p.max = v;
      }
    });
  }
  group.wait();

  Partial total;
  for (const Partial& p : partials) {
    total.count += p.count;
    if (p.min < total.min) total.min = p.min;
    if (p.max > total.max) total.max = p.max;
  }
  return total;
}

class ChunkReader {
 public:
  ~ChunkReader() {
    if (reader_.joinable()) reader_.join();
  }

  // Called from the owner thread; restarts the scan over new chunks.
  void Start(std::vector<std::vector<int64_t>> chunks) {
    if (reader_.joinable()) reader_.join();
    chunks_ = std::move(chunks);
    reader_ = std::thread([this] {
      for (cursor_ = 0; cursor_ < chunks_.size(); ++cursor_) {
        Partial p = BuildHistogram({chunks_[cursor_]});
        std::lock_guard<std::mutex> lock(mu_);
        results_.push_back(p);
      }
    });
  }

  size_t ResultsReady() {
    std::lock_guard<std::mutex> lock(mu_);
    return results_.size();
  }

  void Rewind() {
    std::lock_guard<std::mutex> lock(mu_);
    results_.clear();
  }

 private:
  std::vector<std::vector<int64_t>> chunks_;
  // Owned by the reader thread.
  size_t cursor_ = 0;
  std::mutex mu_;
  std::vector<Partial> results_;
  std::thread reader_;
};

}  // namespace columnar
