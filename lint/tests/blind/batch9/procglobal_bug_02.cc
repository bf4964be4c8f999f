// Integration tests for a metrics gateway: a gRPC ingestion service and a
// plain-UDP statsd listener run in-process and the tests talk to both.
#include <arpa/inet.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <string>

namespace gateway {

class UdpListener {
 public:
  ~UdpListener() {
    if (fd_ >= 0) ::close(fd_);
  }

  bool Bind(const sockaddr_in& addr) {
    fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
    if (fd_ < 0) return false;
    return ::bind(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) == 0;
  }

  ssize_t Receive(char* buf, size_t len) { return ::recv(fd_, buf, len, MSG_DONTWAIT); }

 private:
  int fd_ = -1;
};

// Parses "name:value|type" statsd lines.
struct StatsdLine {
  std::string name;
  double value = 0;
  std::string type;
};

bool ParseStatsd(const std::string& line, StatsdLine* out) {
  const size_t colon = line.find(':');
  const size_t bar = line.find('|', colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || bar == std::string::npos) return false;
  out->name = line.substr(0, colon);
  out->value = std::stod(line.substr(colon + 1, bar - colon - 1));
  out->type = line.substr(bar + 1);
  return !out->name.empty() && !out->type.empty();
}

class MetricsGatewayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("localhost:50051", grpc::InsecureServerCredentials());  // EXPECT: concurrency-process-global-in-test
    server_ = builder.BuildAndStart();
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  std::unique_ptr<grpc::Server> server_;
};

TEST_F(MetricsGatewayTest, ServerStarts) { ASSERT_NE(server_, nullptr); }

TEST_F(MetricsGatewayTest, StatsdPacketsAreReceived) {
  sockaddr_in addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(8125);  // EXPECT: concurrency-process-global-in-test
  UdpListener listener;
  ASSERT_TRUE(listener.Bind(addr));

  const int client = ::socket(AF_INET, SOCK_DGRAM, 0);
  ASSERT_GE(client, 0);
  const char kPacket[] = "gateway.requests:1|c";
  ASSERT_EQ(::sendto(client, kPacket, sizeof(kPacket) - 1, 0,
                     reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)),
            static_cast<ssize_t>(sizeof(kPacket) - 1));
  ::close(client);

  char buf[64];
  ssize_t n = -1;
  for (int i = 0; i < 100 && n < 0; ++i) {
    n = listener.Receive(buf, sizeof(buf));
    if (n < 0) ::usleep(1000);
  }
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buf, static_cast<size_t>(n)), "gateway.requests:1|c");
}

TEST(StatsdParseTest, ParsesCounter) {
  StatsdLine l;
  ASSERT_TRUE(ParseStatsd("gateway.requests:3|c", &l));
  EXPECT_EQ(l.name, "gateway.requests");
  EXPECT_EQ(l.value, 3);
  EXPECT_EQ(l.type, "c");
  EXPECT_FALSE(ParseStatsd("garbage", &l));
}

TEST(GatewayChannelTest, ChannelToUnknownTargetIsNotConnected) {
  auto channel = grpc::CreateChannel("localhost:1", grpc::InsecureChannelCredentials());
  EXPECT_NE(channel, nullptr);
}

}  // namespace gateway
