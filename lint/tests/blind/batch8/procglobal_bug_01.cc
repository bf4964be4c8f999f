// Tests for the log line formatter: timestamps are rendered in the local
// time zone and written to the rotating log file.

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace logfmt {

std::string FormatTimestamp(std::time_t t) {
  char buf[64];
  std::tm tm_buf;
  localtime_r(&t, &tm_buf);
  std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %Z", &tm_buf);
  return buf;
}

bool AppendLine(const std::string& path, const std::string& line) {
  std::ofstream out(path, std::ios::app);
  out << line << '\n';
  return static_cast<bool>(out);
}

}  // namespace logfmt

TEST(FormatTimestampTest, RendersInLocalZone) {
  setenv("TZ", "America/New_York", 1);  // EXPECT: concurrency-process-global-in-test
  tzset();
  EXPECT_EQ(logfmt::FormatTimestamp(0), "1969-12-31 19:00:00 EST");
}

TEST(FormatTimestampTest, UtcWhenZoneUnset) {
  unsetenv("TZ");  // EXPECT: concurrency-process-global-in-test
  tzset();
  const std::string s = logfmt::FormatTimestamp(86400);
  EXPECT_NE(s.find("1970-01-02"), std::string::npos);
}

TEST(AppendLineTest, AppendsToExistingFile) {
  const std::string path = "/tmp/logfmt_append_test.log";  // EXPECT: concurrency-process-global-in-test
  std::remove(path.c_str());
  ASSERT_TRUE(logfmt::AppendLine(path, "first"));
  ASSERT_TRUE(logfmt::AppendLine(path, "second"));
  std::ifstream in(path);
  std::stringstream contents;
  contents << in.rdbuf();
  EXPECT_EQ(contents.str(), "first\nsecond\n");
}
