// Metrics batcher: producers add samples from request threads; a flusher
// thread swaps the pending batch out under the lock and exports it without
// holding the lock, so that a slow exporter never blocks producers.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace metrics {

struct Sample {
  std::string name;
  double value = 0.0;
  int64_t timestamp_ms = 0;
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual bool Export(const std::vector<Sample>& batch) = 0;
};

class MetricsBatcher {
 public:
  struct Stats {
    uint64_t shipped_batches;
    uint64_t failed_batches;
  };

  explicit MetricsBatcher(std::unique_ptr<Exporter> exporter) : exporter_(std::move(exporter)) {}
  ~MetricsBatcher() { Stop(); }

  void Start() { flusher_ = std::thread([this] { FlushLoop(); }); }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (flusher_.joinable()) flusher_.join();
  }

  void Add(Sample s) {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.push_back(std::move(s));
    if (pending_.size() >= kMaxBatch) cv_.notify_one();
  }

  Stats GetStats() const {
    std::lock_guard<std::mutex> lock(mu_);
    return Stats{shipped_batches_, failed_batches_};
  }

  void ResetStats() {
    std::lock_guard<std::mutex> lock(mu_);
    shipped_batches_ = 0;
    failed_batches_ = 0;
  }

 private:
  static constexpr size_t kMaxBatch = 500;
  static constexpr std::chrono::seconds kInterval{10};

  void FlushLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      cv_.wait_for(lock, kInterval, [this] { return stop_ || pending_.size() >= kMaxBatch; });
      if (pending_.empty()) continue;
      std::vector<Sample> batch;
      batch.swap(pending_);
      lock.unlock();
      const bool ok = exporter_->Export(batch);
      if (ok) {
        ++shipped_batches_;  // EXPECT: concurrency-unguarded-field
      } else {
        ++failed_batches_;  // EXPECT: concurrency-unguarded-field
      }
      lock.lock();
    }
  }

  const std::unique_ptr<Exporter> exporter_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Sample> pending_;
  bool stop_ = false;
  uint64_t shipped_batches_ = 0;
  uint64_t failed_batches_ = 0;
  std::thread flusher_;
};

}  // namespace metrics
