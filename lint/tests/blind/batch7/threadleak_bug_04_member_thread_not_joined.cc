// Background compaction of a time-series store's segments. The destructor
// tells the compactor to stop but never waits for it: destroying a joinable
// std::thread member terminates the process, and the compactor may still be
// touching the queue.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "mock/tsdb_segments.h"


namespace tsdb {

class SegmentCompactor {
 public:
  SegmentCompactor() = default;
  ~SegmentCompactor() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutting_down_ = true;
    }
    cv_.notify_all();
  }

  void Start() { worker_ = std::thread([this] { Loop(); }); }

  void Schedule(std::string segment) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(std::move(segment));
    }
    cv_.notify_one();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [this] { return shutting_down_ || !queue_.empty(); });
      if (shutting_down_) return;
      std::string segment = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      CompactSegment(segment);
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  bool shutting_down_ = false;
  std::thread worker_;  // EXPECT: concurrency-thread-leak
};

}  // namespace tsdb
