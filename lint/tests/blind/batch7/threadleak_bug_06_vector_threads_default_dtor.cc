// Fixed-size worker pool of a document indexer. The pool is owned by the
// indexing session; its destructor is the compiler's, which destroys the
// still-joinable workers.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mock/doc_index.h"

namespace indexer {

class WorkerPool {
 public:
  explicit WorkerPool(unsigned num_workers) {
    for (unsigned i = 0; i < num_workers; ++i) {
      workers_.emplace_back([this] { WorkLoop(); });
    }
  }

  void Submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(task));
    }
    cv_.notify_one();
  }

  void SubmitDocument(std::string path) {
    Submit([path = std::move(path)] { IndexDocument(path); });
  }

  // Blocks until every submitted task has run.
  void Drain() {
    std::unique_lock<std::mutex> lock(mu_);
    idle_cv_.wait(lock, [this] { return tasks_.empty() && active_ == 0; });
  }

 private:
  void WorkLoop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return !tasks_.empty(); });
        task = std::move(tasks_.front());
        tasks_.pop_front();
        ++active_;
      }
      task();
      {
        std::lock_guard<std::mutex> lock(mu_);
        --active_;
      }
      idle_cv_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::deque<std::function<void()>> tasks_;
  int active_ = 0;
  std::vector<std::thread> workers_;  // EXPECT: concurrency-thread-leak
};

}  // namespace indexer
