// Tests for the line-protocol metrics listener: they bind a real TCP
// socket and push a few lines through it.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace lineproto {

class ListenerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    signal(SIGPIPE, SIG_IGN);  // EXPECT: concurrency-process-global-in-test
  }

  void SetUp() override {
    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(listen_fd_, 0);
    int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in addr;
    std::memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(8089);  // EXPECT: concurrency-process-global-in-test
    ASSERT_EQ(bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    ASSERT_EQ(listen(listen_fd_, 4), 0);
    addr_ = addr;
  }

  void TearDown() override {
    if (listen_fd_ >= 0) close(listen_fd_);
  }

  int Connect() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr_), sizeof(addr_)) != 0) {
      close(fd);
      return -1;
    }
    return fd;
  }

  int listen_fd_ = -1;
  sockaddr_in addr_{};
};

TEST_F(ListenerTest, AcceptsConnection) {
  int client = Connect();
  ASSERT_GE(client, 0);
  int server = accept(listen_fd_, nullptr, nullptr);
  ASSERT_GE(server, 0);
  const std::string line = "cpu,host=a value=1\n";
  EXPECT_EQ(write(client, line.data(), line.size()), static_cast<ssize_t>(line.size()));
  close(server);
  close(client);
}

}  // namespace lineproto
