// Integration tests for the metrics push gateway. Listeners bind port 0 and
// read back the port the kernel chose.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "mock/grpcpp_like.h"

namespace pushgw {

class PushService : public grpc::Service {};

namespace {

TEST(PushGatewayTest, LegacyListenerOnEphemeralPort) {
  const int listen_fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listen_fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(0);
  ASSERT_EQ(bind(listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(listen(listen_fd, 4), 0);

  socklen_t len = sizeof(addr);
  ASSERT_EQ(getsockname(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const uint16_t chosen = ntohs(addr.sin_port);
  EXPECT_NE(chosen, 0);

  sockaddr_in target = addr;
  target.sin_port = htons(chosen);
  const int client = socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_EQ(connect(client, reinterpret_cast<sockaddr*>(&target), sizeof(target)), 0);
  close(client);
  close(listen_fd);
}

TEST(PushGatewayTest, GrpcEndpointOnSelectedPort) {
  PushService service;
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("localhost:0", grpc::InsecureServerCredentials(), &port);
  const std::string uds = "unix:" + ::testing::TempDir() + "pushgw_test." +
                          std::to_string(getpid()) + ".sock";
  builder.AddListeningPort(uds, grpc::InsecureServerCredentials());
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  EXPECT_GT(port, 0);
  server->Shutdown();
}

}  // namespace
}  // namespace pushgw
