// Tests for the admin HTTP listener. Servers bind port 0 and the tests read
// back the port the kernel picked; the control socket is a unix: address.

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

namespace admin {

struct ListenerOptions {
  std::string control_address = "unix:admin.sock";
  int http_port = 0;
};

int BindLoopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 || listen(fd, 4) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int BoundPort(int fd) {
  sockaddr_in addr = {};
  socklen_t len = sizeof(addr);
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return -1;
  return ntohs(addr.sin_port);
}

}  // namespace admin

TEST(AdminListenerTest, BindsEphemeralPort) {
  int fd = admin::BindLoopback(0);
  ASSERT_GE(fd, 0);
  EXPECT_GT(admin::BoundPort(fd), 0);
  close(fd);
}

TEST(AdminListenerTest, ExplicitZeroPortInAddress) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(0);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  EXPECT_GT(admin::BoundPort(fd), 0);
  close(fd);
}

TEST(AdminListenerTest, ControlSocketIsUnixAddress) {
  admin::ListenerOptions opts;
  opts.control_address = "unix:" + ::testing::TempDir() + "admin_test.sock";
  EXPECT_EQ(opts.control_address.rfind("unix:", 0), 0u);
  EXPECT_EQ(opts.http_port, 0);
}
