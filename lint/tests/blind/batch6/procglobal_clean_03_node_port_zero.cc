// Node.js-style HTTP parser server tests: the listener binds port 0 and
// reads back the port the kernel chose; the client port comes from that
// variable; the IPC test uses a unix: address built under TempDir().
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "mock/node_mutex.h"

bool ServeOneRequest(int listen_fd);
bool ConnectAndGet(uint16_t port);
bool ListenOnPipe(const std::string& address);

TEST(HttpServerTest, ServesOnEphemeralPort) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(0);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(listen(fd, 1), 0);

  socklen_t len = sizeof(addr);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  uint16_t port = ntohs(addr.sin_port);

  std::thread server([fd] { ServeOneRequest(fd); });
  EXPECT_TRUE(ConnectAndGet(port));
  server.join();
  close(fd);
}

TEST(HttpServerTest, ClientUsesPortFromVariable) {
  uint16_t port = 0;
  sockaddr_in peer = {};
  peer.sin_family = AF_INET;
  peer.sin_port = htons(port);
  EXPECT_EQ(peer.sin_port, 0);
}

TEST(HttpServerTest, ListensOnUnixPipe) {
  std::string address = "unix:" + ::testing::TempDir() + "node_http_" + std::to_string(getpid());
  EXPECT_TRUE(ListenOnPipe(address));
}
