// Tests for the metrics scrape server: it answers on a TCP port and the gRPC
// admin service exposes the same counters.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "grpcpp_server.h"
#include "gtest.h"

namespace scrape {

class ScrapeServer {
 public:
  bool Listen(const sockaddr_in& addr) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return false;
    return ::bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) == 0 &&
           ::listen(fd_, 16) == 0;
  }
  ~ScrapeServer() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  int fd_ = -1;
};

class AdminService : public grpc::Service {};

TEST(ScrapeServerTest, ListensOnTheMetricsPort) {
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(9464);  // EXPECT: concurrency-process-global-in-test
  ScrapeServer server;
  EXPECT_TRUE(server.Listen(addr));
}

TEST(ScrapeServerTest, EphemeralPortAlsoWorks) {
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(0);
  ScrapeServer server;
  EXPECT_TRUE(server.Listen(addr));
}

TEST(AdminServiceTest, ServesOverGrpc) {
  AdminService service;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("localhost:50051", grpc::InsecureServerCredentials());  // EXPECT: concurrency-process-global-in-test
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_TRUE(server != nullptr);
  server->Shutdown();
}

TEST(AdminServiceTest, SelectedPortIsReported) {
  AdminService service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("localhost:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_TRUE(server != nullptr);
  EXPECT_GT(port, 0);
  server->Shutdown();
}


TEST(ScrapeServerTest, FailsWithoutAnAddressFamily) {
  sockaddr_in addr = {};
  ScrapeServer server;
  EXPECT_FALSE(server.Listen(addr));
}

}  // namespace scrape
