// TLS context used by every connection thread: the parsed config is loaded
// into a std::optional on the first handshake. The class counts handshakes
// in an atomic, so it is plainly shared, but the emplace is unsynchronized.
#include <atomic>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

namespace tls {

struct TlsConfig {
  std::string cipher_list;
  std::string cert_path;
  int min_version = 0x0303;
};

inline TlsConfig LoadTlsConfig(const std::string& path) {
  std::ifstream in(path);
  TlsConfig config;
  std::getline(in, config.cipher_list);
  std::getline(in, config.cert_path);
  return config;
}

class TlsContext {
 public:
  explicit TlsContext(std::string config_path)
      : config_path_(std::move(config_path)) {}

  bool Handshake(const std::string& offered_cipher) {
    handshakes_.fetch_add(1, std::memory_order_relaxed);
    return config().cipher_list.find(offered_cipher) != std::string::npos;
  }

  int64_t handshakes() const {
    return handshakes_.load(std::memory_order_relaxed);
  }

 private:
  const TlsConfig& config() {
    if (!config_.has_value())
      config_.emplace(
          LoadTlsConfig(config_path_));  // EXPECT: concurrency-lazy-init-race
    return *config_;
  }

  const std::string config_path_;
  std::optional<TlsConfig> config_;
  std::atomic<int64_t> handshakes_{0};
};

}  // namespace tls
