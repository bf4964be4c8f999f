// Background compaction scheduler for the embedded key-value store.

#include "mock/boost_thread.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <thread>

namespace kvstore {

struct CompactionJob {
  int level = 0;
  std::string smallest_key;
  std::string largest_key;
};

using CompactFn = std::function<bool(const CompactionJob&)>;

class CompactionScheduler {
 public:
  explicit CompactionScheduler(CompactFn compact) : compact_(std::move(compact)) {}

  ~CompactionScheduler() {
    shutting_down_.store(true);
    cv_.notify_all();
  }

  void Start() {
    worker_ = std::thread([this] { WorkLoop(); });
  }

  void Schedule(CompactionJob job) {
    boost::lock_guard<boost::mutex> guard(mu_);
    queue_.push_back(std::move(job));
    cv_.notify_one();
  }

  uint64_t completed() const { return completed_.load(); }

 private:
  void WorkLoop() {
    while (!shutting_down_.load()) {
      CompactionJob job;
      {
        boost::unique_lock<boost::mutex> lock(mu_);
        while (queue_.empty() && !shutting_down_.load()) {
          cv_.wait(lock);
        }
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      if (compact_(job)) completed_.fetch_add(1);
    }
  }

  const CompactFn compact_;
  boost::mutex mu_;
  boost::condition_variable cv_;
  std::deque<CompactionJob> queue_;
  std::atomic<bool> shutting_down_{false};
  std::atomic<uint64_t> completed_{0};
  std::thread worker_;  // EXPECT: concurrency-thread-leak
};

}  // namespace kvstore
