// Remote log sink in the style of a Thrift client wrapper: application
// threads queue log lines, a flush timer sends them over the transport, and
// stop() closes the transport during shutdown.

#include <cstdint>
#include <memory>
#include <string>

#include "mock/thrift_concurrency.h"

namespace apache {
namespace thrift {

class RemoteLogSink {
public:
  explicit RemoteLogSink(std::shared_ptr<transport::TTransport> transport)
    : transport_(std::move(transport)) {}

  void start() {
    concurrency::Guard g(mutex_);
    transport_->open();
  }

  void log(const std::string& line) {
    concurrency::Guard g(mutex_);
    pending_ += line;
    pending_ += '\n';
  }

  // Called by the flush timer.
  void flushPending() {
    std::string batch;
    {
      concurrency::Guard g(mutex_);
      batch.swap(pending_);
    }
    if (batch.empty()) {
      return;
    }
    transport_->write(reinterpret_cast<const uint8_t*>(batch.data()), static_cast<uint32_t>(batch.size())); // EXPECT: concurrency-use-after-close
  }

  void stop() {
    concurrency::Guard g(mutex_);
    transport_->close();
  }

private:
  concurrency::Mutex mutex_;
  std::shared_ptr<transport::TTransport> transport_;
  std::string pending_;
};

} // namespace thrift
} // namespace apache
