// Event ingester for the analytics pipeline: a consumer thread pulls events
// from the broker in batches and forwards them; the admin API tunes the
// batch size at runtime.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "task_runner.h"

namespace analytics {

enum class EventKind { kPageView, kClick, kPurchase, kError };

struct Event {
  EventKind kind = EventKind::kPageView;
  std::string user;
  int64_t ts_ms = 0;
};

class Broker {
 public:
  virtual ~Broker() = default;
  virtual std::vector<Event> Fetch(size_t max_events) = 0;
};

class Forwarder {
 public:
  virtual ~Forwarder() = default;
  virtual runtime::Status Forward(const std::vector<Event>& batch) = 0;
};

class Ingester {
 public:
  Ingester(Broker* broker, Forwarder* forwarder) : broker_(broker), forwarder_(forwarder) {}

  ~Ingester() {
    stop_.store(true);
    if (consumer_.joinable()) consumer_.join();
  }

  void Start() { consumer_ = std::thread(&Ingester::ConsumeLoop, this); }

  // Admin API thread.
  void SetBatchSize(size_t n) {
    if (n == 0 || n > kMaxBatch) return;
    batch_size_ = n;
    runtime::Log("INFO") << "ingest batch size now " << n;
  }

  size_t forwarded() {
    std::lock_guard<std::mutex> lock(stats_mu_);
    return forwarded_;
  }

 private:
  static constexpr size_t kMaxBatch = 10000;

  void ConsumeLoop() {
    while (!stop_.load()) {
      std::vector<Event> batch = broker_->Fetch(batch_size_);  // EXPECT: concurrency-closure-captures-mutable
      if (batch.empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      runtime::Status s = forwarder_->Forward(batch);
      if (s != runtime::Status::kOk) {
        runtime::Log("WARN") << "forward failed: " << runtime::StatusName(s);
        continue;
      }
      std::lock_guard<std::mutex> lock(stats_mu_);
      forwarded_ += batch.size();
    }
  }

  Broker* const broker_;
  Forwarder* const forwarder_;
  size_t batch_size_ = 500;
  std::mutex stats_mu_;
  size_t forwarded_ = 0;
  std::atomic<bool> stop_{false};
  std::thread consumer_;
};

}  // namespace analytics
