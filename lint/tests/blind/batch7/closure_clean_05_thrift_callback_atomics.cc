// Asynchronous ping client in the style of Apache Thrift's async clients:
// the completion callback runs on the channel's event-base thread and only
// touches atomics and what it captured by value.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "mock/thrift_concurrency.h"

namespace apache {
namespace thrift {
namespace async {

class PingClientLite {
public:
  explicit PingClientLite(std::shared_ptr<TAsyncChannel> channel) : channel_(std::move(channel)) {}

  void ping(transport::TMemoryBuffer* request, transport::TMemoryBuffer* response) {
    const auto sentAt = std::chrono::steady_clock::now();
    sent_.fetch_add(1, std::memory_order_relaxed);
    channel_->sendMessage([] {}, request);
    channel_->recvMessage(
        [this, sentAt] {
          const auto rtt = std::chrono::steady_clock::now() - sentAt;
          lastRttUs_.store(std::chrono::duration_cast<std::chrono::microseconds>(rtt).count(),
                           std::memory_order_relaxed);
          received_.fetch_add(1, std::memory_order_relaxed);
        },
        response);
  }

  void resetCounters() {
    concurrency::Guard g(mutex_);
    sent_.store(0);
    received_.store(0);
    ++resets_;
  }

  uint64_t inFlight() const {
    return sent_.load(std::memory_order_relaxed) - received_.load(std::memory_order_relaxed);
  }

  int64_t lastRttUs() const { return lastRttUs_.load(std::memory_order_relaxed); }

private:
  const std::shared_ptr<TAsyncChannel> channel_;
  concurrency::Mutex mutex_;
  std::atomic<uint64_t> sent_{0};
  std::atomic<uint64_t> received_{0};
  std::atomic<int64_t> lastRttUs_{0};
  uint64_t resets_ = 0;
};

} // namespace async
} // namespace thrift
} // namespace apache
