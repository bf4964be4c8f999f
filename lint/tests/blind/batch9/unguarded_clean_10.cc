// An outbound message queue for a chat server. Critical sections are written
// with a small WithLock helper that takes the mutex as a parameter, and the
// private helpers take the caller's guard as proof that the lock is held.
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace chat {

// Runs fn with mu held and returns what fn returns.
template <typename Fn>
auto WithLock(std::mutex& mu, Fn&& fn) -> decltype(fn()) {
  std::lock_guard<std::mutex> lock(mu);
  return fn();
}

struct Outbound {
  uint64_t conversation;
  std::string body;
  std::chrono::steady_clock::time_point queued_at;
};

class OutboundQueue {
 public:
  explicit OutboundQueue(size_t max_queued) : max_queued_(max_queued) {}

  bool Enqueue(Outbound msg) {
    std::unique_lock<std::mutex> lock(mu_);
    if (queue_.size() >= max_queued_) {
      DropOldestLocked(lock, 1);
    }
    queue_.push_back(std::move(msg));
    ++enqueued_;
    return true;
  }

  std::vector<Outbound> TakeBatch(size_t max) {
    std::unique_lock<std::mutex> lock(mu_);
    return PopLocked(lock, max);
  }

  size_t Size() {
    return WithLock(mu_, [&] { return queue_.size(); });
  }

  uint64_t Dropped() {
    return WithLock(mu_, [&] { return dropped_; });
  }

  void Clear() {
    WithLock(mu_, [&] {
      dropped_ += queue_.size();
      queue_.clear();
    });
  }

  std::string Stats() {
    uint64_t enq = 0;
    uint64_t drop = 0;
    size_t size = 0;
    WithLock(mu_, [&] {
      enq = enqueued_;
      drop = dropped_;
      size = queue_.size();
    });
    return "enqueued=" + std::to_string(enq) + " dropped=" + std::to_string(drop) +
           " queued=" + std::to_string(size);
  }

 private:
  // `held` must own mu_.
  void DropOldestLocked(const std::unique_lock<std::mutex>& held, size_t n) {
    (void)held;
    for (size_t i = 0; i < n && !queue_.empty(); ++i) {
      queue_.pop_front();
      ++dropped_;
    }
  }

  // `held` must own mu_.
  std::vector<Outbound> PopLocked(const std::unique_lock<std::mutex>& held, size_t max) {
    (void)held;
    std::vector<Outbound> out;
    while (!queue_.empty() && out.size() < max) {
      out.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    return out;
  }

  const size_t max_queued_;
  std::mutex mu_;
  std::deque<Outbound> queue_;
  uint64_t enqueued_ = 0;
  uint64_t dropped_ = 0;
};

// The sender loop body, run by the connection's writer.
size_t SendPending(OutboundQueue& queue, std::vector<std::string>* wire) {
  std::vector<Outbound> batch = queue.TakeBatch(64);
  for (const Outbound& m : batch) {
    wire->push_back(std::to_string(m.conversation) + ":" + m.body);
  }
  return batch.size();
}

}  // namespace chat
