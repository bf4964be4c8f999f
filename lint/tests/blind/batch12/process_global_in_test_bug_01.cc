// Tests of the discovery configuration of a ROS 2 node wrapper: the domain
// id comes from ROS_DOMAIN_ID, and the static-peers mode sends discovery
// packets to a configured peer.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "rclcpp/rclcpp.hpp"

namespace discovery {

struct DiscoveryConfig {
  int domain_id = 0;
  bool localhost_only = false;
  std::string static_peer;
};

DiscoveryConfig LoadDiscoveryConfig();
bool SendDiscoveryProbe(int fd, const sockaddr_in& peer);

// Owns a UDP socket for the duration of a test.
class ScopedUdpSocket {
 public:
  ScopedUdpSocket() : fd_(socket(AF_INET, SOCK_DGRAM, 0)) {}
  ~ScopedUdpSocket() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  const int fd_;
};

class DiscoveryConfigTest : public ::testing::Test {
 protected:
  void SetUp() override { rclcpp::init(0, nullptr); }
  void TearDown() override { rclcpp::shutdown(); }
};

TEST_F(DiscoveryConfigTest, DomainIdComesFromEnvironment) {
  setenv("ROS_DOMAIN_ID", "42", 1);  // EXPECT: concurrency-process-global-in-test
  const DiscoveryConfig config = LoadDiscoveryConfig();
  EXPECT_EQ(config.domain_id, 42);
}

TEST_F(DiscoveryConfigTest, DefaultsWithoutEnvironment) {
  const char* localhost_only = getenv("ROS_LOCALHOST_ONLY");
  const DiscoveryConfig config = LoadDiscoveryConfig();
  EXPECT_EQ(config.localhost_only, localhost_only != nullptr && std::string(localhost_only) == "1");
}

TEST_F(DiscoveryConfigTest, ProbeReachesStaticPeer) {
  ScopedUdpSocket sock;
  ASSERT_GE(sock.get(), 0);
  sockaddr_in peer{};
  peer.sin_family = AF_INET;
  peer.sin_port = htons(7400);  // EXPECT: concurrency-process-global-in-test
  peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_TRUE(SendDiscoveryProbe(sock.get(), peer));
}

TEST_F(DiscoveryConfigTest, ProbeToUnboundPortIsStillSent) {
  ScopedUdpSocket sock;
  ASSERT_GE(sock.get(), 0);
  sockaddr_in peer{};
  peer.sin_family = AF_INET;
  peer.sin_port = 0;
  peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_FALSE(SendDiscoveryProbe(sock.get(), peer));
}

}  // namespace discovery
