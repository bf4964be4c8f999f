// Background tasks of the storage node. Threads are either handed to the
// node's supervisor, returned to the caller, or run as std::async tasks.

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "mock/grpc_sync.h"

namespace node {

bool ScrubVolume(const std::string& volume);

class Supervisor {
 public:
  ~Supervisor() {
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  void Adopt(std::thread t) {
    std::lock_guard<std::mutex> lock(mu_);
    threads_.push_back(std::move(t));
  }

 private:
  std::mutex mu_;
  std::vector<std::thread> threads_;
};

std::thread StartScrubber(const std::string& volume) {
  std::thread t([volume] { ScrubVolume(volume); });
  return t;
}

void ScrubAll(Supervisor& supervisor, const std::vector<std::string>& volumes) {
  for (const std::string& v : volumes) {
    std::thread t = StartScrubber(v);
    supervisor.Adopt(std::move(t));
  }
}

bool ScrubTwo(const std::string& a, const std::string& b) {
  std::future<bool> first = std::async(std::launch::async, ScrubVolume, a);
  const bool second_ok = ScrubVolume(b);
  return first.get() && second_ok;
}

class RepairQueue {
 public:
  RepairQueue() : thread_([this] { Run(); }) {}

  ~RepairQueue() {
    {
      grpc_core::MutexLock lock(&mu_);
      shutdown_ = true;
      cv_.SignalAll();
    }
    thread_.join();
  }

  void Add(std::function<void()> repair) {
    grpc_core::MutexLock lock(&mu_);
    pending_.push_back(std::move(repair));
    cv_.Signal();
  }

 private:
  void Run() {
    for (;;) {
      std::function<void()> repair;
      {
        grpc_core::MutexLock lock(&mu_);
        while (pending_.empty() && !shutdown_) cv_.Wait(&mu_);
        if (shutdown_ && pending_.empty()) return;
        repair = std::move(pending_.front());
        pending_.pop_front();
      }
      repair();
    }
  }

  grpc_core::Mutex mu_;
  grpc_core::CondVar cv_;
  std::deque<std::function<void()>> pending_ ABSL_GUARDED_BY(mu_);
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace node
