// Background compaction scheduler for the embedded key-value store.

#include "mock/boost_thread.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace kvstore {

struct CompactionJob {
  int level = 0;
  std::string smallest_key;
  std::string largest_key;
};

using CompactFn = std::function<bool(const CompactionJob&)>;

class CompactionScheduler {
 public:
  CompactionScheduler(CompactFn compact, int threads)
      : compact_(std::move(compact)), num_threads_(threads) {}

  ~CompactionScheduler() { Shutdown(); }

  void Start() {
    for (int i = 0; i < num_threads_; ++i) {
      workers_.emplace_back([this] { WorkLoop(); });
    }
  }

  void Schedule(CompactionJob job) {
    boost::lock_guard<boost::mutex> guard(mu_);
    queue_.push_back(std::move(job));
    cv_.notify_one();
  }

  void Shutdown() {
    {
      boost::lock_guard<boost::mutex> guard(mu_);
      shutting_down_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : workers_) {
      if (t.joinable()) t.join();
    }
    workers_.clear();
  }

  uint64_t completed() const { return completed_.load(); }

 private:
  void WorkLoop() {
    for (;;) {
      CompactionJob job;
      {
        boost::unique_lock<boost::mutex> lock(mu_);
        while (queue_.empty() && !shutting_down_) {
          cv_.wait(lock);
        }
        if (shutting_down_) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      if (compact_(job)) completed_.fetch_add(1);
    }
  }

  const CompactFn compact_;
  const int num_threads_;
  boost::mutex mu_;
  boost::condition_variable cv_;
  std::deque<CompactionJob> queue_;
  bool shutting_down_ = false;
  std::atomic<uint64_t> completed_{0};
  std::vector<std::thread> workers_;
};

}  // namespace kvstore
