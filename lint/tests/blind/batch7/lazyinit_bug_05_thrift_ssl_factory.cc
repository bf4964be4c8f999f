// SSL socket factory in the style of Apache Thrift's TSSLSocketFactory: the
// context and the parsed cipher configuration are created on first use by
// whichever server thread accepts the first connection.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mock/thrift_concurrency.h"

namespace apache {
namespace thrift {
namespace transport {

struct SSLConfig {
  std::string ciphers;
  std::vector<std::string> protocols;
  bool verifyPeer = true;
};

SSLConfig loadSSLConfig(const std::string& path);

class SSLContext {
public:
  explicit SSLContext(const SSLConfig& config) : ciphers_(config.ciphers) {}
  const std::string& ciphers() const { return ciphers_; }

private:
  const std::string ciphers_;
};

class TSSLSocketFactoryLite {
public:
  explicit TSSLSocketFactoryLite(std::string configPath) : configPath_(std::move(configPath)) {}

  std::shared_ptr<SSLContext> context() {
    if (!ctx_) { // EXPECT: concurrency-lazy-init-race
      ctx_ = std::make_shared<SSLContext>(config());
    }
    return ctx_;
  }

  void countAccepted() {
    concurrency::Guard g(mutex_);
    ++accepted_;
  }

  uint64_t accepted() const {
    concurrency::Guard g(mutex_);
    return accepted_;
  }

private:
  const SSLConfig& config() {
    if (!config_.has_value()) { // EXPECT: concurrency-lazy-init-race
      config_.emplace(loadSSLConfig(configPath_));
    }
    return *config_;
  }

  const std::string configPath_;
  concurrency::Mutex mutex_;
  uint64_t accepted_ = 0;
  std::optional<SSLConfig> config_;
  std::shared_ptr<SSLContext> ctx_;
};

} // namespace transport
} // namespace thrift
} // namespace apache
