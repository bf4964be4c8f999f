// Parallel checksum pass over the segment files of a snapshot.

#include "mock/compat20.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace snapshot {

struct SegmentChecksum {
  std::string path;
  uint64_t crc = 0;
  uint64_t bytes = 0;
};

using ChecksumFn = uint64_t (*)(const std::string& path, uint64_t* bytes);

class SnapshotVerifier {
 public:
  SnapshotVerifier(std::vector<std::string> segments, ChecksumFn fn, int workers)
      : segments_(std::move(segments)), checksum_(fn), workers_(workers) {}

  // Computes the checksums with one slot per worker; results are merged once
  // every worker has finished.
  std::vector<SegmentChecksum> Run() {
    per_worker_.assign(workers_, {});
    {
      std::vector<compat::jthread> threads;
      for (int w = 0; w < workers_; ++w) {
        threads.emplace_back([this, w] {
          std::vector<SegmentChecksum>& mine = per_worker_[w];
          for (size_t i = w; i < segments_.size(); i += workers_) {
            SegmentChecksum c;
            c.path = segments_[i];
            c.crc = checksum_(c.path, &c.bytes);
            mine.push_back(c);
          }
        });
      }
      for (compat::jthread& t : threads) t.join();
    }

    std::vector<SegmentChecksum> all;
    for (const auto& slot : per_worker_) {
      all.insert(all.end(), slot.begin(), slot.end());
    }
    RecordRun(all);
    return all;
  }

  uint64_t total_bytes_verified() {
    std::lock_guard<std::mutex> lock(mu_);
    return total_bytes_;
  }

  int runs() {
    std::lock_guard<std::mutex> lock(mu_);
    return runs_;
  }

 private:
  void RecordRun(const std::vector<SegmentChecksum>& all) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& c : all) total_bytes_ += c.bytes;
    ++runs_;
  }

  const std::vector<std::string> segments_;
  const ChecksumFn checksum_;
  const int workers_;

  // Thread-confined: slot w is only accessed on worker w while Run() waits.
  std::vector<std::vector<SegmentChecksum>> per_worker_;

  std::mutex mu_;
  uint64_t total_bytes_ = 0;
  int runs_ = 0;
};

}  // namespace snapshot
