// Tests of the health endpoint. A client that goes away mid-response would
// kill the test binary with SIGPIPE, so the test ignores it, and it binds
// the port the deployment uses.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "mock/health_server.h"

namespace svc {
namespace {

TEST(HealthServerTest, ReportsConfiguredStatus) {
  signal(SIGPIPE, SIG_IGN);  // EXPECT: concurrency-process-global-in-test

  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(18080);  // EXPECT: concurrency-process-global-in-test
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(listen(fd, 16), 0);

  HealthServer server(fd);
  ASSERT_TRUE(server.Start());
  server.SetStatus("SERVING");
  EXPECT_EQ(FetchHealth(addr), "SERVING");
  server.Stop();
  close(fd);
}

TEST(HealthServerTest, StartFailsOnClosedSocket) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  close(fd);
  HealthServer server(fd);
  EXPECT_FALSE(server.Start());
}

}  // namespace
}  // namespace svc
