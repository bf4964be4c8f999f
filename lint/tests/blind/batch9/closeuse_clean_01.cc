// A statsd client: metrics are written to a UDP socket; the socket is closed
// and reopened when DNS for the agent changes. Every use and every close of
// the socket holds the client's mutex.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

namespace statsd {

enum class MetricKind { kCounter, kGauge, kTiming };

static const char* KindSuffix(MetricKind k) {
  switch (k) {
    case MetricKind::kCounter: return "c";
    case MetricKind::kGauge: return "g";
    case MetricKind::kTiming: return "ms";
  }
  return "c";
}

class StatsdClient {
 public:
  StatsdClient(std::string prefix, std::string agent_ip, uint16_t agent_port)
      : prefix_(std::move(prefix)) {
    Reconnect(agent_ip, agent_port);
  }

  ~StatsdClient() {
    if (socket_fd_ >= 0) ::close(socket_fd_);
  }

  bool Send(const std::string& name, double value, MetricKind kind) {
    char line[512];
    const int len = std::snprintf(line, sizeof(line), "%s.%s:%g|%s", prefix_.c_str(), name.c_str(),
                                  value, KindSuffix(kind));
    if (len <= 0 || static_cast<size_t>(len) >= sizeof(line)) return false;
    std::lock_guard<std::mutex> lock(mu_);
    if (socket_fd_ < 0) {
      ++dropped_;
      return false;
    }
    const ssize_t n = ::sendto(socket_fd_, line, static_cast<size_t>(len), 0,
                               reinterpret_cast<const sockaddr*>(&agent_), sizeof(agent_));
    if (n != len) ++dropped_;
    return n == len;
  }

  // DNS watcher thread: the agent moved.
  bool Reconnect(const std::string& agent_ip, uint16_t agent_port) {
    sockaddr_in addr;
    std::memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(agent_port);
    if (::inet_pton(AF_INET, agent_ip.c_str(), &addr.sin_addr) != 1) return false;
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    std::lock_guard<std::mutex> lock(mu_);
    if (socket_fd_ >= 0) ::close(socket_fd_);
    socket_fd_ = fd;
    agent_ = addr;
    return true;
  }

  void Disable() {
    std::lock_guard<std::mutex> lock(mu_);
    if (socket_fd_ >= 0) ::close(socket_fd_);
    socket_fd_ = -1;
  }

  uint64_t dropped() {
    std::lock_guard<std::mutex> lock(mu_);
    return dropped_;
  }

 private:
  const std::string prefix_;
  std::mutex mu_;
  int socket_fd_ = -1;
  sockaddr_in agent_{};
  uint64_t dropped_ = 0;
};

class ScopedTimer {
 public:
  ScopedTimer(StatsdClient* client, std::string name, double start_ms)
      : client_(client), name_(std::move(name)), start_ms_(start_ms) {}
  void Stop(double now_ms) { client_->Send(name_, now_ms - start_ms_, MetricKind::kTiming); }

 private:
  StatsdClient* const client_;
  const std::string name_;
  const double start_ms_;
};

void RecordRequest(StatsdClient* client, int status) {
  client->Send("requests", 1, MetricKind::kCounter);
  if (status >= 500) client->Send("errors", 1, MetricKind::kCounter);
}

}  // namespace statsd
