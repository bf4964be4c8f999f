// Integration tests for the metrics push gateway: a plain TCP listener for
// the legacy protocol and a gRPC endpoint for the new one.

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

int ListenOn(const sockaddr_in& addr) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) != 0 ||
      listen(fd, 16) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

namespace {

TEST(PushGatewayTest, LegacyListenerAcceptsConnections) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(9091);  // EXPECT: concurrency-process-global-in-test
  const int listen_fd = ListenOn(addr);
  ASSERT_GE(listen_fd, 0);

  const int client = socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_EQ(connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  close(client);
  close(listen_fd);
}

TEST(PushGatewayTest, GrpcEndpointStarts) {
  PushService service;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("localhost:50051", grpc::InsecureServerCredentials());  // EXPECT: concurrency-process-global-in-test
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  server->Shutdown();
}

}  // namespace
}  // namespace pushgw
