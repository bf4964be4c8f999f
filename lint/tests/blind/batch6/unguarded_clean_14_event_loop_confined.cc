// A single-threaded event loop in the muduo/libevent mould: connection
// bookkeeping is only accessed on the loop thread; other threads hop onto
// the loop with RunInLoop(), which queues the functor under the pending
// mutex and wakes the loop.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class EventLoop {
 public:
  using Functor = std::function<void()>;

  EventLoop() : loop_thread_id_(std::this_thread::get_id()) {}

  bool IsInLoopThread() const { return loop_thread_id_ == std::this_thread::get_id(); }

  void RunInLoop(Functor cb) {
    if (IsInLoopThread()) {
      cb();
    } else {
      QueueInLoop(std::move(cb));
    }
  }

  void QueueInLoop(Functor cb) {
    std::lock_guard<std::mutex> lock(pending_mutex_);
    pending_functors_.push_back(std::move(cb));
  }

  // Loop thread: one iteration.
  void DoPendingFunctors() {
    std::vector<Functor> functors;
    {
      std::lock_guard<std::mutex> lock(pending_mutex_);
      functors.swap(pending_functors_);
    }
    for (const Functor& f : functors) f();
  }

 private:
  const std::thread::id loop_thread_id_;
  std::mutex pending_mutex_;
  std::vector<Functor> pending_functors_;
};

class ConnectionRegistry {
 public:
  explicit ConnectionRegistry(EventLoop* loop) : loop_(loop) {}

  // Any thread.
  void Register(int id, std::string peer) {
    loop_->RunInLoop([this, id, peer = std::move(peer)] { RegisterInLoop(id, peer); });
  }

  // Any thread.
  void Unregister(int id) {
    loop_->RunInLoop([this, id] { UnregisterInLoop(id); });
  }

  // Loop thread only (called from read callbacks).
  void OnBytes(int id, size_t n) {
    auto it = connections_.find(id);
    if (it != connections_.end()) it->second.bytes += n;
    total_bytes_ += n;
  }

 private:
  struct Conn {
    std::string peer;
    size_t bytes = 0;
  };

  void RegisterInLoop(int id, const std::string& peer) { connections_[id] = Conn{peer, 0}; }
  void UnregisterInLoop(int id) { connections_.erase(id); }

  EventLoop* const loop_;
  // Only accessed on the loop thread.
  std::map<int, Conn> connections_;
  size_t total_bytes_ = 0;  // Only accessed on the loop thread.
};
