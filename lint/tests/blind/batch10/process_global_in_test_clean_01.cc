// Tests for the upload staging area: paths come from testing::TempDir() or
// mkdtemp() templates, ports are 0 and read back, and /tmp literals appear
// only in comparisons, assertions and log messages.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "gtest.h"

namespace staging {

std::string NormalizeStagingPath(const std::string& p) {
  if (p.rfind("/tmp/", 0) == 0) return p;
  return "/srv/staging/" + p;
}

bool IsScratchPath(const std::string& p) { return p == "/tmp/scratch" || p.rfind("/var/tmp/", 0) == 0; }

class StagingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/staging_test-XXXXXX";
    const char* dir = ::mkdtemp(tmpl);
    ASSERT_TRUE(dir != nullptr);
    dir_ = dir;
    std::cerr << "staging under " << dir_ << " (not /tmp/staging)" << '\n';
  }

  std::string dir_;
};

TEST_F(StagingTest, WritesUnderTheTestDirectory) {
  const std::string path = dir_ + "/upload.part";
  std::ofstream out(path);
  out << "payload";
  out.close();
  std::ifstream in(path);
  std::string text;
  in >> text;
  EXPECT_EQ(text, std::string("payload"));
}

TEST(StagingPathTest, KeepsTmpPathsAsIs) {
  EXPECT_EQ(NormalizeStagingPath("/tmp/already-staged"), std::string("/tmp/already-staged"));
  EXPECT_TRUE(IsScratchPath("/var/tmp/x"));
  EXPECT_FALSE(IsScratchPath("relative/tmp/x"));
}

TEST(StagingPathTest, UsesTempDirForScratchFiles) {
  const std::string scratch = ::testing::TempDir() + "staging_test." + std::to_string(::getpid());
  std::ofstream(scratch) << "x";
  const char* home = std::getenv("HOME");
  EXPECT_TRUE(home == nullptr || home[0] == '/');
}

TEST(StagingServerTest, BindsAnEphemeralPort) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_TRUE(fd >= 0);
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(0);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  socklen_t len = sizeof(addr);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  EXPECT_NE(ntohs(addr.sin_port), 0);
  ::close(fd);
}

TEST(StagingServerTest, PortFromTheFixtureVariable) {
  const int configured_port = 0;
  sockaddr_in addr = {};
  addr.sin_port = htons(configured_port);
  EXPECT_EQ(addr.sin_port, 0);
}

}  // namespace staging
