// Snapshot scheduler for the key-value store: a background thread writes a
// snapshot every interval until the store is destroyed.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace kv {

enum class SnapshotResult { kWritten, kUnchanged, kFailed };

class SnapshotSink {
 public:
  virtual ~SnapshotSink() = default;
  virtual bool Write(const std::map<std::string, std::string>& data, uint64_t version) = 0;
};

class SnapshotScheduler {
 public:
  SnapshotScheduler(SnapshotSink* sink, std::chrono::milliseconds interval)
      : sink_(sink), interval_(interval) {}

  ~SnapshotScheduler() {
    stop_.store(true);
    // The snapshot thread notices stop_ within one interval.
  }

  void Start() { snapshot_thread_ = std::thread([this] { Loop(); }); }

  void Put(const std::string& key, std::string value) {
    std::lock_guard<std::mutex> lock(mu_);
    data_[key] = std::move(value);
    ++version_;
  }

  uint64_t last_snapshot_version() const { return last_written_.load(); }

 private:
  void Loop() {
    while (!stop_.load()) {
      std::this_thread::sleep_for(interval_);
      SnapshotOnce();
    }
  }

  SnapshotResult SnapshotOnce() {
    std::map<std::string, std::string> copy;
    uint64_t version;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (version_ == last_written_.load()) return SnapshotResult::kUnchanged;
      copy = data_;
      version = version_;
    }
    if (!sink_->Write(copy, version)) return SnapshotResult::kFailed;
    last_written_.store(version);
    return SnapshotResult::kWritten;
  }

  SnapshotSink* const sink_;
  const std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::map<std::string, std::string> data_;
  uint64_t version_ = 0;
  std::atomic<uint64_t> last_written_{0};
  std::atomic<bool> stop_{false};
  std::thread snapshot_thread_;  // EXPECT: concurrency-thread-leak
};


const char* SnapshotResultName(SnapshotResult r) {
  switch (r) {
    case SnapshotResult::kWritten: return "written";
    case SnapshotResult::kUnchanged: return "unchanged";
    case SnapshotResult::kFailed: return "failed";
  }
  return "?";
}

}  // namespace kv
