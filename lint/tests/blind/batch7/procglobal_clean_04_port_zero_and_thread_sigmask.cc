// Tests of the health endpoint that bind port 0 and read back the chosen
// port, take settings through the daemon's own override store rather than
// the environment, and format with an imbued stream locale. The serving
// thread blocks signals for itself only.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <locale>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "mock/daemon_config.h"
#include "mock/health_server.h"

namespace svc {
namespace {

int ListenOnEphemeralPort(sockaddr_in* bound) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(0);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || listen(fd, 16) != 0) {
    close(fd);
    return -1;
  }
  socklen_t len = sizeof(*bound);
  getsockname(fd, reinterpret_cast<sockaddr*>(bound), &len);
  return fd;
}

TEST(HealthServerPortTest, ServesOnEphemeralPort) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(0);
  const int fd = ListenOnEphemeralPort(&addr);
  ASSERT_GE(fd, 0);
  ASSERT_NE(ntohs(addr.sin_port), 0);

  daemonkit::config::setenv("health.status", "SERVING");
  HealthServer server(fd);
  ASSERT_TRUE(server.Start());
  server.SetStatus(daemonkit::config::getenv("health.status"));

  std::thread client([addr] {
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &blocked, nullptr);
    EXPECT_EQ(FetchHealth(addr), "SERVING");
  });
  client.join();
  server.Stop();
  close(fd);
}

TEST(HealthServerPortTest, ReportsPortWithStreamLocale) {
  const int port = 40000 + static_cast<int>(getpid() % 1000);
  sockaddr_in addr{};
  addr.sin_port = htons(port);
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << "listening on " << ntohs(addr.sin_port);
  EXPECT_EQ(out.str(), "listening on " + std::to_string(port));
  const std::string unix_address = "unix:health.sock";
  EXPECT_EQ(unix_address.rfind("unix:", 0), 0u);
}

}  // namespace
}  // namespace svc
