// Tests for the inventory gRPC service. The server binds port 0 and the
// test reads back the port it was given; settings go through the
// project's own config::setenv, which writes into a per-test overlay, not
// the process environment.
#include <arpa/inet.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <cstring>
#include <map>
#include <memory>
#include <string>

namespace config {

class Overlay {
 public:
  void Set(const std::string& k, const std::string& v) { values_[k] = v; }
  std::string Get(const std::string& k) const {
    auto it = values_.find(k);
    return it == values_.end() ? std::string() : it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

// Same spelling as the C function on purpose: call sites read like the
// code they replaced.
inline void setenv(Overlay& overlay, const std::string& name, const std::string& value) {
  overlay.Set(name, value);
}

}  // namespace config

namespace inventory {

sockaddr_in MakeAddress(uint16_t port) {
  sockaddr_in addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  return addr;
}

class InventoryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config::setenv(overlay_, "INVENTORY_CACHE_MB", "16");
    grpc::ServerBuilder builder;
    builder.AddListeningPort("localhost:0", grpc::InsecureServerCredentials(), &port_);
    server_ = builder.BuildAndStart();
  }

  void TearDown() override {
    if (server_) server_->Shutdown();
  }

  config::Overlay overlay_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

TEST_F(InventoryServiceTest, BindsAnEphemeralPort) {
  ASSERT_NE(server_, nullptr);
  EXPECT_GT(port_, 0);
  sockaddr_in addr = MakeAddress(static_cast<uint16_t>(port_));
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  EXPECT_EQ(ntohs(addr.sin_port), port_);
  EXPECT_EQ(overlay_.Get("INVENTORY_CACHE_MB"), "16");
}

TEST(InventoryAddressTest, EphemeralAddress) {
  sockaddr_in addr = MakeAddress(0);
  addr.sin_port = htons(0);
  EXPECT_EQ(addr.sin_port, 0);
}

}  // namespace inventory
