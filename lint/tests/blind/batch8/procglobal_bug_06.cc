// Integration tests for the metrics scrape endpoint: a test server listens
// on TCP and a client connects and scrapes it.

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>

namespace grpc {
class ServerCredentials {};
inline std::shared_ptr<ServerCredentials> InsecureServerCredentials() {
  return std::make_shared<ServerCredentials>();
}
class Server {
 public:
  void Shutdown() {}
};
class ServerBuilder {
 public:
  ServerBuilder& AddListeningPort(const std::string& addr,
                                  std::shared_ptr<ServerCredentials> creds,
                                  int* selected_port = nullptr) {
    (void)creds;
    addr_ = addr;
    if (selected_port) *selected_port = 0;
    return *this;
  }
  std::unique_ptr<Server> BuildAndStart() { return std::make_unique<Server>(); }

 private:
  std::string addr_;
};
}  // namespace grpc

class ScrapeEndpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("localhost:50051", grpc::InsecureServerCredentials());  // EXPECT: concurrency-process-global-in-test
    server_ = builder.BuildAndStart();
  }

  void TearDown() override { server_->Shutdown(); }

  std::unique_ptr<grpc::Server> server_;
};

TEST_F(ScrapeEndpointTest, ServesPlainTextMetrics) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(9464);  // EXPECT: concurrency-process-global-in-test
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(listen(listener, 1), 0);
  close(listener);
}
