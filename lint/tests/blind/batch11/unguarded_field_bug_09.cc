// Batches telemetry records and ships them to the collector. The lock is
// dropped while the network call runs so producers are not blocked.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace telemetry {

struct Record {
  std::string name;
  double value;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual bool Send(const std::vector<Record>& batch) = 0;
};

class UploadBatcher {
 public:
  explicit UploadBatcher(std::unique_ptr<Transport> transport) : transport_(std::move(transport)) {}

  void Add(Record record) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(std::move(record));
  }

  void Flush() {
    std::unique_lock<std::mutex> lock(mu_);
    if (pending_.empty()) return;
    std::vector<Record> batch;
    batch.swap(pending_);
    lock.unlock();

    const bool ok = transport_->Send(batch);
    if (!ok) {
      ++failed_batches_;  // EXPECT: concurrency-unguarded-field
    }

    lock.lock();
    ++sent_batches_;
    last_flush_ = std::chrono::steady_clock::now();
  }

  std::string Status() const {
    std::lock_guard<std::mutex> lock(mu_);
    return "pending=" + std::to_string(pending_.size()) + " sent=" + std::to_string(sent_batches_) +
           " failed=" + std::to_string(failed_batches_);
  }

  void ResetCounters() {
    std::lock_guard<std::mutex> lock(mu_);
    sent_batches_ = 0;
    failed_batches_ = 0;
  }

 private:
  const std::unique_ptr<Transport> transport_;
  mutable std::mutex mu_;
  std::vector<Record> pending_;
  uint64_t sent_batches_ = 0;
  uint64_t failed_batches_ = 0;
  std::chrono::steady_clock::time_point last_flush_;
};

}  // namespace telemetry
