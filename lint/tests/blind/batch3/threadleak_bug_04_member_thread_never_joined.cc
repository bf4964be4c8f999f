// Replica poller with a Chromium-style (unannotated) base::Lock for its
// error string. Start() and Restart() assign poller_ (Restart() even while
// it is still joinable), and the destructor only raises the stop flag: the
// member thread is never joined.
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

namespace base {
class Lock {
 public:
  void Acquire() { impl_.lock(); }
  void Release() { impl_.unlock(); }

 private:
  std::mutex impl_;
};
class AutoLock {
 public:
  explicit AutoLock(Lock& lock) : lock_(lock) { lock_.Acquire(); }
  ~AutoLock() { lock_.Release(); }

 private:
  Lock& lock_;
};
}  // namespace base

namespace replication {

class ReplicaPoller {
 public:
  ~ReplicaPoller() { stop_.store(true); }

  void Start() { poller_ = std::thread([this] { Poll(); }); }

  void Restart() {
    stop_.store(false);
    poller_ = std::thread([this] { Poll(); });
  }

  void RecordError(const std::string& error) {
    base::AutoLock hold(lock_);
    last_error_ = error;
  }

  std::string last_error() {
    base::AutoLock hold(lock_);
    return last_error_;
  }

 private:
  void Poll() {
    while (!stop_.load()) {
      polls_.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }

  std::atomic<bool> stop_{false};
  std::atomic<long> polls_{0};
  base::Lock lock_;
  std::string last_error_;
  std::thread poller_;  // EXPECT: concurrency-thread-leak
};

}  // namespace replication
