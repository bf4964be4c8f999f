// Replication applier of a document store. The owner must call Shutdown()
// before destroying the applier (the server's teardown does); Shutdown()
// wakes the thread and joins it.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "mock/oplog.h"


namespace docstore {

class OplogApplier {
 public:
  void Start() { thread_ = std::thread(&OplogApplier::Run, this); }

  void Enqueue(std::string entry) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      entries_.push_back(std::move(entry));
    }
    cv_.notify_one();
  }

  void Shutdown() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutdown_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  ~OplogApplier() = default;

 private:
  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return shutdown_ || !entries_.empty(); });
      if (shutdown_) return;
      std::string entry = std::move(entries_.front());
      entries_.pop_front();
      lock.unlock();
      ApplyOplogEntry(entry);
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> entries_;
  bool shutdown_ = false;
  std::thread thread_;
};

}  // namespace docstore
