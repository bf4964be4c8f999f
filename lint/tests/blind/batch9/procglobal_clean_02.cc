// Integration tests for a key-value server's gRPC front end and its admin
// UDP endpoint. Every listener binds port 0 and reads back the port it got;
// the admin endpoint also listens on a unix socket.
#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <string>

namespace kvserver {

// Binds a UDP socket to `port` on loopback and returns the bound port.
int BindLoopbackUdp(uint16_t port, int* fd_out) {
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    ::close(fd);
    return -1;
  }
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  *fd_out = fd;
  return ntohs(addr.sin_port);
}

class KvServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("localhost:0", grpc::InsecureServerCredentials(), &grpc_port_);
    builder.AddListeningPort("unix:" + ::testing::TempDir() + "kvserver_test.sock",
                             grpc::InsecureServerCredentials());
    server_ = builder.BuildAndStart();
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  int grpc_port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

TEST_F(KvServerTest, PicksAPort) {
  ASSERT_NE(server_, nullptr);
  EXPECT_GT(grpc_port_, 0);
}

TEST_F(KvServerTest, ClientConnectsToTheChosenPort) {
  auto channel = grpc::CreateChannel("localhost:" + std::to_string(grpc_port_),
                                     grpc::InsecureChannelCredentials());
  EXPECT_NE(channel, nullptr);
}

TEST(AdminEndpointTest, BindsAnEphemeralPort) {
  int fd = -1;
  const int port = BindLoopbackUdp(0, &fd);
  ASSERT_GT(port, 0);
  ::close(fd);
}

TEST(AdminEndpointTest, RebindsThePortItWasGiven) {
  int first = -1;
  const int port = BindLoopbackUdp(0, &first);
  ASSERT_GT(port, 0);
  ::close(first);

  sockaddr_in addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ::close(fd);
}

TEST(AdminEndpointTest, ZeroPortLiteral) {
  sockaddr_in addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_port = htons(0);
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ::close(fd);
}

}  // namespace kvserver
