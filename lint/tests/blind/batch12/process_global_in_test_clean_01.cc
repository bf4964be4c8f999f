// Tests of the logging configuration of a ROS 2 node wrapper. The binary
// has its own main(): the logging environment is fixed there, once, before
// any test (or any thread) runs; the tests only read it.

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "rclcpp/rclcpp.hpp"

namespace node_logging {

struct LoggingConfig {
  std::string format;
  bool colorized = false;
  std::string log_dir;
};

LoggingConfig LoadLoggingConfig(const std::string& config_file);

// Writes |contents| to a file unique to the running test.
static std::string WriteTestConfig(const std::string& contents) {
  const std::string path = ::testing::TempDir() + "logging_config_test_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".yaml";
  std::ofstream out(path);
  out << contents;
  return path;
}

TEST(LoggingConfigTest, FormatComesFromEnvironment) {
  const char* fmt = getenv("RCUTILS_CONSOLE_OUTPUT_FORMAT");
  ASSERT_NE(fmt, nullptr);
  const LoggingConfig config = LoadLoggingConfig("");
  EXPECT_EQ(config.format, fmt);
}

TEST(LoggingConfigTest, ConfigFileOverridesDirectory) {
  const std::string dir = ::testing::TempDir();
  const std::string path = dir + "logging_config_test_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".yaml";
  {
    std::ofstream out(path);
    out << "log_dir: " << dir << "\n";
  }
  const LoggingConfig config = LoadLoggingConfig(path);
  EXPECT_EQ(config.log_dir, dir);
}

TEST(LoggingConfigTest, ColorizationFollowsEnvironment) {
  const char* colorized = getenv("RCUTILS_COLORIZED_OUTPUT");
  const LoggingConfig config = LoadLoggingConfig(WriteTestConfig("format: plain\n"));
  EXPECT_EQ(config.colorized, colorized != nullptr && std::string(colorized) == "1");
}

TEST(LoggingConfigTest, EmptyConfigKeepsDefaults) {
  const LoggingConfig config = LoadLoggingConfig(WriteTestConfig(""));
  EXPECT_FALSE(config.format.empty());
}

TEST(LoggingConfigTest, RelativeConfigIsResolvedAgainstTheWorkingDirectory) {
  const LoggingConfig config = LoadLoggingConfig("testdata/logging.yaml");
  EXPECT_FALSE(config.colorized);
}

}  // namespace node_logging

int main(int argc, char** argv) {
  setenv("RCUTILS_CONSOLE_OUTPUT_FORMAT", "[{severity}] [{name}]: {message}", 1);
  setenv("RCUTILS_COLORIZED_OUTPUT", "0", 1);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
