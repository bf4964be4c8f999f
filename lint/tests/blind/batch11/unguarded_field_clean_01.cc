// Replays a write-ahead log on a background thread during recovery. The
// configuration is fixed before the worker starts; the totals are read by
// the caller only after joining it, while progress is polled under the lock.
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace recovery {

struct ReplayResult {
  uint64_t records = 0;
  uint64_t last_lsn = 0;
};

class LogReplayer {
 public:
  LogReplayer() = default;
  ~LogReplayer() {
    if (worker_.joinable()) worker_.join();
  }

  void Start(std::string path, std::vector<uint64_t> segment_lsns) {
    path_ = std::move(path);
    segment_lsns_ = std::move(segment_lsns);
    worker_ = std::thread([this] { Run(); });
  }

  uint64_t Progress() const {
    std::lock_guard<std::mutex> lock(mu_);
    return records_replayed_;
  }

  uint64_t LastLsn() const {
    std::lock_guard<std::mutex> lock(mu_);
    return last_lsn_;
  }

  ReplayResult Finish() {
    worker_.join();
    ReplayResult result;
    result.records = records_replayed_;
    result.last_lsn = last_lsn_;
    return result;
  }

 private:
  void Run() {
    for (uint64_t lsn : segment_lsns_) {
      ApplySegment(path_, lsn);
      std::lock_guard<std::mutex> lock(mu_);
      ++records_replayed_;
      last_lsn_ = lsn;
    }
  }

  static void ApplySegment(const std::string& /*path*/, uint64_t /*lsn*/) {}

  std::string path_;
  std::vector<uint64_t> segment_lsns_;
  mutable std::mutex mu_;
  uint64_t records_replayed_ = 0;
  uint64_t last_lsn_ = 0;
  std::thread worker_;
};

}  // namespace recovery
