// Asynchronous logger: callers enqueue formatted records, a worker thread
// drains the queue into the sink. When the queue is full new records are
// dropped and counted; the counters are exported with the process status.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace logging {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void Write(const std::string& record) = 0;
  virtual void Flush() = 0;
};

// Counters shared by every logger of a process.
class SinkStats {
 public:
  void RecordWrite() {
    std::lock_guard<std::mutex> lock(mu_);
    ++records_;
  }

  void RecordDrop() {
    std::lock_guard<std::mutex> lock(mu_);
    ++dropped_;
  }

  // Used to publish a snapshot into the status page's copy.
  SinkStats& operator=(const SinkStats& other) {
    if (this == &other) return *this;
    std::lock_guard<std::mutex> lock(mu_);
    records_ = other.records_;  // EXPECT: concurrency-unguarded-field
    dropped_ = other.dropped_;  // EXPECT: concurrency-unguarded-field
    return *this;
  }

  std::string Summary() const {
    std::lock_guard<std::mutex> lock(mu_);
    return std::to_string(records_) + " written, " + std::to_string(dropped_) + " dropped";
  }

 private:
  mutable std::mutex mu_;
  uint64_t records_ = 0;
  uint64_t dropped_ = 0;
};

class AsyncLogger {
 public:
  AsyncLogger(std::unique_ptr<RecordSink> sink, size_t capacity, SinkStats* stats)
      : sink_(std::move(sink)), capacity_(capacity), stats_(stats) {
    worker_ = std::thread([this] { Run(); });
  }

  ~AsyncLogger() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    worker_.join();
  }

  void Log(std::string record) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (queue_.size() >= capacity_) {
        ++queue_full_events_;
        stats_->RecordDrop();
        return;
      }
      queue_.push_back(std::move(record));
    }
    cv_.notify_one();
  }

  std::string StatusLine() const {
    return "async logger: queue full " + std::to_string(queue_full_events_) +  // EXPECT: concurrency-unguarded-field
           " times; " + stats_->Summary();
  }

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty() && stop_) break;
      std::deque<std::string> batch;
      batch.swap(queue_);
      queue_full_events_ = 0;
      lock.unlock();
      for (const auto& r : batch) {
        sink_->Write(r);
        stats_->RecordWrite();
      }
      sink_->Flush();
      lock.lock();
    }
  }

  const std::unique_ptr<RecordSink> sink_;
  const size_t capacity_;
  SinkStats* const stats_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  uint64_t queue_full_events_ = 0;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace logging
