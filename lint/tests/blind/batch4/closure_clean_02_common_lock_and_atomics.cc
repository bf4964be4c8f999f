// Replicates committed log entries to a follower from a sender thread.
// The follower address can change; the sender reads it under the same lock.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace raft {

bool SendAppendEntries(const std::string& address, uint64_t from_index);

class FollowerReplicator {
 public:
  explicit FollowerReplicator(std::string address) : address_(std::move(address)) {}

  ~FollowerReplicator() {
    stop_.store(true);
    {
      std::lock_guard<std::mutex> lock(mu_);
      cv_.notify_all();
    }
    if (sender_.joinable()) sender_.join();
  }

  void Start() {
    sender_ = std::thread([this] {
      while (!stop_.load()) {
        std::string address;
        uint64_t next;
        {
          std::unique_lock<std::mutex> lock(mu_);
          cv_.wait_for(lock, std::chrono::milliseconds(50));
          address = address_;
          next = next_index_;
        }
        if (SendAppendEntries(address, next)) {
          acked_.fetch_add(1, std::memory_order_relaxed);
          std::lock_guard<std::mutex> lock(mu_);
          ++next_index_;
        }
      }
    });
  }

  void UpdateAddress(std::string address) {
    std::lock_guard<std::mutex> lock(mu_);
    address_ = std::move(address);
    cv_.notify_all();
  }

  void ResetNextIndex(uint64_t index) {
    std::lock_guard<std::mutex> lock(mu_);
    next_index_ = index;
  }

  uint64_t acked() const { return acked_.load(std::memory_order_relaxed); }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::string address_;
  uint64_t next_index_ = 1;
  std::atomic<uint64_t> acked_{0};
  std::atomic<bool> stop_{false};
  std::thread sender_;
};

}  // namespace raft
