// Tests of the rotating log sink: local-midnight rotation depends on the
// time zone, so the test switches the process's TZ.

#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include <string>

#include <gtest/gtest.h>

#include "mock/log_rotator.h"

namespace logkit {
namespace {

class LogRotatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log_dir_ = "/tmp/logrotator_test";  // EXPECT: concurrency-process-global-in-test
    mkdir(log_dir_.c_str(), 0755);
  }

  std::string log_dir_;
};

TEST_F(LogRotatorTest, RotatesAtLocalMidnight) {
  setenv("TZ", "America/New_York", 1);  // EXPECT: concurrency-process-global-in-test
  tzset();

  LogRotator rotator(log_dir_, "app", RotationPolicy{});
  // 2023-03-11 23:59:59 and 2023-03-12 00:00:01 in New York.
  const std::string before = rotator.Write("before", 1678597199);
  const std::string after = rotator.Write("after", 1678597201);
  EXPECT_NE(before, after);
  EXPECT_EQ(rotator.ListFiles().size(), 2u);
}

TEST_F(LogRotatorTest, KeepsConfiguredNumberOfFiles) {
  RotationPolicy policy;
  policy.at_local_midnight = false;
  policy.max_bytes = 16;
  policy.keep_files = 3;
  LogRotator rotator(log_dir_, "app", policy);
  for (int i = 0; i < 10; ++i) {
    rotator.Write("0123456789abcdef", 1678597199 + i);
  }
  EXPECT_EQ(rotator.ListFiles().size(), 3u);
}

}  // namespace
}  // namespace logkit
