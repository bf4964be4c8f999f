// Restores a backup archive: a prefetch thread reads the next segment from
// storage while the main loop verifies and applies the current one.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace backup {

struct Segment {
  uint64_t index = 0;
  std::vector<uint8_t> bytes;
  uint32_t crc = 0;
};

enum class RestoreStatus { kOk, kCorrupt, kStorageError, kCancelled };

class SegmentReader {
 public:
  virtual ~SegmentReader() = default;
  virtual bool Read(uint64_t index, Segment* out) = 0;
};

uint32_t Crc32(const std::vector<uint8_t>& bytes);

class Restorer {
 public:
  Restorer(SegmentReader& reader, std::function<bool(const Segment&)> apply)
      : reader_(reader), apply_(std::move(apply)) {}

  RestoreStatus Restore(uint64_t first, uint64_t last) {
    Segment current;
    if (!reader_.Read(first, &current)) return RestoreStatus::kStorageError;

    for (uint64_t i = first; i <= last; ++i) {
      Segment next;
      bool next_ok = false;
      std::thread prefetch([this, i, last, &next, &next_ok] {  // EXPECT: concurrency-thread-leak
        if (i < last) next_ok = reader_.Read(i + 1, &next);
      });

      if (Crc32(current.bytes) != current.crc) {
        return RestoreStatus::kCorrupt;
      }
      if (!apply_(current)) {
        prefetch.join();
        return RestoreStatus::kCancelled;
      }

      prefetch.join();
      if (i < last && !next_ok) return RestoreStatus::kStorageError;
      current = std::move(next);
      std::lock_guard<std::mutex> lock(mu_);
      ++applied_;
    }
    return RestoreStatus::kOk;
  }

  uint64_t applied() {
    std::lock_guard<std::mutex> lock(mu_);
    return applied_;
  }

 private:
  SegmentReader& reader_;
  const std::function<bool(const Segment&)> apply_;
  std::mutex mu_;
  uint64_t applied_ = 0;
};

}  // namespace backup
