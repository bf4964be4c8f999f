// Parallel checksum of a large file: the file is split into ranges, one
// thread per range. Every thread is joined on every way out of the
// function, including when a range fails to open.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace fsutil {

// Joins the thread it owns when it goes out of scope.
class ScopedThread {
 public:
  explicit ScopedThread(std::thread t) : t_(std::move(t)) {}
  ~ScopedThread() {
    if (t_.joinable()) t_.join();
  }
  ScopedThread(ScopedThread&&) = default;
  ScopedThread(const ScopedThread&) = delete;
  ScopedThread& operator=(const ScopedThread&) = delete;

 private:
  std::thread t_;
};

uint64_t ChecksumRange(const std::string& path, uint64_t begin, uint64_t end);
bool CanOpen(const std::string& path);

inline uint64_t ParallelChecksum(const std::string& path, uint64_t size, size_t parts) {
  std::vector<uint64_t> sums(parts, 0);
  {
    std::vector<ScopedThread> threads;
    const uint64_t step = size / parts;
    for (size_t p = 0; p < parts; ++p) {
      const uint64_t begin = p * step;
      const uint64_t end = p + 1 == parts ? size : begin + step;
      uint64_t* const slot = &sums[p];
      threads.emplace_back(std::thread([&path, slot, begin, end] {
        *slot = ChecksumRange(path, begin, end);
      }));
    }
  }
  uint64_t total = 0;
  for (uint64_t s : sums) total ^= s;
  return total;
}

// Verifies a primary and a mirror copy concurrently.
inline bool VerifyMirror(const std::string& primary, const std::string& mirror, uint64_t size) {
  uint64_t mirror_sum = 0;
  std::thread mirror_thread([&mirror, &mirror_sum, size] {
    mirror_sum = ChecksumRange(mirror, 0, size);
  });
  uint64_t primary_sum = 0;
  try {
    if (!CanOpen(primary)) throw std::runtime_error("cannot open " + primary);
    primary_sum = ChecksumRange(primary, 0, size);
  } catch (...) {
    mirror_thread.join();
    throw;
  }
  mirror_thread.join();
  return primary_sum == mirror_sum;
}

}  // namespace fsutil
