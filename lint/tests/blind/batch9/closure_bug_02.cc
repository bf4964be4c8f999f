// An event-ingestion worker: producers enqueue events, a worker thread groups
// them into batches and flushes each batch to the sink before its deadline.
// The admin API can change the flush deadline while the worker runs.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace ingest {

struct Event {
  std::string source;
  std::string payload;
  int64_t timestamp_ms;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual bool Write(const std::vector<Event>& batch, std::chrono::milliseconds deadline) = 0;
};

class IngestWorker {
 public:
  IngestWorker(Sink* sink, size_t batch_size)
      : sink_(sink), batch_size_(batch_size) {}

  ~IngestWorker() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  void Start() { worker_ = std::thread(&IngestWorker::Run, this); }

  bool Enqueue(Event e) {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return false;
    queue_.push_back(std::move(e));
    cv_.notify_one();
    return true;
  }

  // Drops queued events older than the retention window, in the background.
  std::future<size_t> CompactAsync(int64_t now_ms) {
    return std::async(std::launch::async, &IngestWorker::Compact, this, now_ms);
  }

  // Admin API thread.
  void SetRetention(std::chrono::milliseconds retention) { retention_ = retention; }

  // Admin API thread.
  void SetFlushDeadline(std::chrono::milliseconds deadline) { flush_deadline_ = deadline; }

  uint64_t failed_batches() {
    std::lock_guard<std::mutex> lock(mu_);
    return failed_batches_;
  }

 private:
  size_t Compact(int64_t now_ms) {
    const int64_t cutoff = now_ms - retention_.count();  // EXPECT: concurrency-closure-captures-mutable
    std::lock_guard<std::mutex> lock(mu_);
    size_t dropped = 0;
    while (!queue_.empty() && queue_.front().timestamp_ms < cutoff) {
      queue_.pop_front();
      ++dropped;
    }
    return dropped;
  }

  void Run() {
    for (;;) {
      std::vector<Event> batch;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_ && queue_.empty()) return;
        const size_t n = std::min(queue_.size(), batch_size_);
        batch.assign(std::make_move_iterator(queue_.begin()),
                     std::make_move_iterator(queue_.begin() + static_cast<long>(n)));
        queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
      }
      const bool ok = sink_->Write(batch, flush_deadline_);  // EXPECT: concurrency-closure-captures-mutable
      if (!ok) {
        std::lock_guard<std::mutex> lock(mu_);
        ++failed_batches_;
      }
    }
  }

  Sink* const sink_;
  const size_t batch_size_;
  std::chrono::milliseconds flush_deadline_{500};
  std::chrono::milliseconds retention_{60000};

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Event> queue_;
  bool stopping_ = false;
  uint64_t failed_batches_ = 0;
  std::thread worker_;
};

// Sink that drops everything older than a cutoff; used in tests and canaries.
class FilteringSink : public Sink {
 public:
  FilteringSink(Sink* next, int64_t cutoff_ms) : next_(next), cutoff_ms_(cutoff_ms) {}
  bool Write(const std::vector<Event>& batch, std::chrono::milliseconds deadline) override {
    std::vector<Event> kept;
    for (const Event& e : batch) {
      if (e.timestamp_ms >= cutoff_ms_) kept.push_back(e);
    }
    return kept.empty() || next_->Write(kept, deadline);
  }

 private:
  Sink* const next_;
  const int64_t cutoff_ms_;
};

}  // namespace ingest
