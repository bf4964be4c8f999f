// Asynchronous stats client in the style of Apache Thrift's async clients:
// the channel runs the completion callback on its event-base thread, while
// the application thread may reset the counters at any time.

#include <cstdint>
#include <memory>
#include <string>

#include "mock/thrift_concurrency.h"

namespace apache {
namespace thrift {
namespace async {

class StatsClientLite {
public:
  explicit StatsClientLite(std::shared_ptr<TAsyncChannel> channel) : channel_(std::move(channel)) {}

  void fetchStats(const TAsyncChannel::VoidCallback& done) {
    recvBuf_.resetBuffer();
    channel_->recvMessage(
        [this, done] {
          bytesReceived_ += recvBuf_.available_read(); // EXPECT: concurrency-closure-captures-mutable
          lastStatus_ = channel_->good() ? "ok" : "error"; // EXPECT: concurrency-closure-captures-mutable
          done();
        },
        &recvBuf_);
  }

  void resetCounters() {
    concurrency::Guard g(mutex_);
    bytesReceived_ = 0;
    lastStatus_.clear();
    resets_++;
  }

  uint64_t resets() const {
    concurrency::Guard g(mutex_);
    return resets_;
  }

private:
  const std::shared_ptr<TAsyncChannel> channel_;
  transport::TMemoryBuffer recvBuf_;
  concurrency::Mutex mutex_;
  uint64_t bytesReceived_ = 0;
  std::string lastStatus_;
  uint64_t resets_ = 0;
};

} // namespace async
} // namespace thrift
} // namespace apache
