// TLS context provider for an Envoy-style upstream: the context and the
// parsed ALPN list are built the first time a connection asks for them.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "envoy_thread.h"

namespace Envoy {
namespace Ssl {

class ClientContext {
public:
  explicit ClientContext(std::string sni) : sni_(std::move(sni)) {}
  const std::string& sni() const { return sni_; }

private:
  const std::string sni_;
};

class ClientContextProvider {
public:
  explicit ClientContextProvider(std::string sni, std::string alpn_csv)
      : sni_(std::move(sni)), alpn_csv_(std::move(alpn_csv)) {}

  // Called by every worker thread when it opens an upstream connection.
  ClientContext& context() {
    if (!context_) {  // EXPECT: concurrency-lazy-init-race
      context_ = std::make_unique<ClientContext>(sni_);
    }
    connections_.fetch_add(1, std::memory_order_relaxed);
    return *context_;
  }

  const std::vector<std::string>& alpnProtocols() {
    if (!alpn_.has_value()) {  // EXPECT: concurrency-lazy-init-race
      alpn_.emplace(split(alpn_csv_));
    }
    return *alpn_;
  }

  uint64_t connections() const { return connections_.load(); }

private:
  static std::vector<std::string> split(const std::string& csv) {
    std::vector<std::string> out;
    std::string current;
    for (char c : csv) {
      if (c == ',') {
        out.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
    if (!current.empty()) out.push_back(current);
    return out;
  }

  const std::string sni_;
  const std::string alpn_csv_;
  std::unique_ptr<ClientContext> context_;
  std::optional<std::vector<std::string>> alpn_;
  std::atomic<uint64_t> connections_{0};
};

} // namespace Ssl
} // namespace Envoy
