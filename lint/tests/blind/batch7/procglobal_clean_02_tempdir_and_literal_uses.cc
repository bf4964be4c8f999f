// Tests of the rotating log sink that keep every file under the test's own
// temporary directory. The "/tmp/..." literals left here are only compared,
// asserted on, streamed into a log message, or a mkstemp() template.

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include <gtest/gtest.h>

#include "mock/log_rotator.h"

namespace logkit {
namespace {

std::string UniqueDir(const std::string& name) {
  return ::testing::TempDir() + "/" + name + "." + std::to_string(getpid());
}

class LogRotatorTempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = UniqueDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_EQ(mkdir(dir_.c_str(), 0700), 0);
  }

  std::string dir_;
};

TEST_F(LogRotatorTempDirTest, WritesIntoConfiguredDirectory) {
  LogRotator rotator(dir_, "app", RotationPolicy{});
  const std::string path = rotator.Write("line", 1678597199);
  EXPECT_EQ(path.rfind(dir_, 0), 0u);
  EXPECT_NE(path, "/tmp/app.log");
  ASSERT_FALSE(path == "/tmp/app.log");
  std::clog << "rotator wrote " << path << "; the legacy default was " << "/tmp/app.log" << "\n";
}

TEST_F(LogRotatorTempDirTest, AcceptsMkstempScratchFile) {
  char scratch[] = "/tmp/logrotator-scratch-XXXXXX";
  const int fd = mkstemp(scratch);
  ASSERT_GE(fd, 0);
  close(fd);
  unlink(scratch);

  LogRotator rotator(dir_, "relative/app", RotationPolicy{});
  EXPECT_FALSE(rotator.Write("line", 1678597199).empty());
}

}  // namespace
}  // namespace logkit
