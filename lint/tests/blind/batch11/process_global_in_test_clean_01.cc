// Tests for the spool directory cleaner. Every file lives under a
// per-test directory made from testing::TempDir(); the "/tmp" strings
// below only appear in assertions, comparisons and log output.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

namespace spool {

std::string NormalizeSpoolDir(const std::string& dir) {
  if (!dir.empty() && dir.back() == '/') return dir.substr(0, dir.size() - 1);
  return dir;
}

bool IsDefaultSpool(const std::string& dir) { return NormalizeSpoolDir(dir) == "/tmp/spool"; }

std::string ConfiguredSpool() {
  const char* v = std::getenv("SPOOL_DIR");
  return v == nullptr ? std::string("spool") : std::string(v);
}

class SpoolCleanerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = ::testing::TempDir() + "spool_cleaner_test.XXXXXX";
    ASSERT_NE(mkdtemp(&tmpl[0]), nullptr);
    dir_ = tmpl;
    std::cerr << "spool test dir (default would be /tmp/spool): " << dir_ << "\n";
  }

  std::string dir_;
};

TEST_F(SpoolCleanerTest, NormalizesTrailingSlash) {
  EXPECT_EQ(NormalizeSpoolDir("/tmp/spool/"), "/tmp/spool");
  EXPECT_TRUE(IsDefaultSpool("/tmp/spool/"));
}

TEST_F(SpoolCleanerTest, WritesIntoPrivateDirectory) {
  const std::string path = dir_ + "/job-" + std::to_string(getpid()) + ".spl";
  {
    std::ofstream out(path);
    out << "payload";
  }
  std::ifstream in(path);
  std::string contents;
  in >> contents;
  EXPECT_EQ(contents, "payload");
  std::remove(path.c_str());
}

TEST_F(SpoolCleanerTest, UsesMkstempForScratch) {
  char scratch[] = "/tmp/spool-scratch-XXXXXX";
  int fd = mkstemp(scratch);
  ASSERT_GE(fd, 0);
  close(fd);
  unlink(scratch);
}

TEST(SpoolConfigTest, RelativeDefault) {
  if (std::getenv("SPOOL_DIR") == nullptr) EXPECT_EQ(ConfiguredSpool(), "spool");
  const std::string relative = "testdata/spool.conf";
  EXPECT_FALSE(relative.empty());
}

}  // namespace spool
