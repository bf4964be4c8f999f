// Tests for the partition pruning of timestamp columns.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace DB {
namespace {

struct TimeZoneSettings {
  std::string name = "UTC";
  int64_t utc_offset_seconds = 0;
};

// Reads the session time zone the way the server does at startup.
TimeZoneSettings SettingsFromEnvironment() {
  TimeZoneSettings s;
  if (const char* tz = std::getenv("TZ")) s.name = tz;
  return s;
}

int64_t DayNumber(int64_t unix_seconds, const TimeZoneSettings& tz) {
  int64_t local = unix_seconds + tz.utc_offset_seconds;
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

std::vector<int64_t> PruneDayPartitions(const std::vector<int64_t>& partitions,
                                        int64_t first_day, int64_t last_day) {
  std::vector<int64_t> kept;
  for (int64_t p : partitions) {
    if (p >= first_day && p <= last_day) kept.push_back(p);
  }
  return kept;
}

class PartitionPruningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tz_.name = "America/New_York";
    tz_.utc_offset_seconds = -5 * 3600;
    for (int d = 0; d < 10; ++d) {
      partitions_.push_back(DayNumber(1709251200 + d * 86400, tz_));
    }
  }

  TimeZoneSettings tz_;
  std::vector<int64_t> partitions_;
};

TEST_F(PartitionPruningTest, KeepsDaysInsideTheRange) {
  const int64_t first = partitions_[2];
  const int64_t last = partitions_[4];
  EXPECT_EQ(PruneDayPartitions(partitions_, first, last).size(), 3u);
}

TEST_F(PartitionPruningTest, OffsetMovesMidnightBoundary) {
  TimeZoneSettings utc;
  EXPECT_EQ(DayNumber(1709251200 + 3600, utc), DayNumber(1709251200, utc));
  EXPECT_EQ(DayNumber(1709251200 + 3600, tz_), DayNumber(1709251200, tz_) + 1);
}

TEST(TimeZoneSettingsTest, DefaultsToUtcWithoutOverride) {
  TimeZoneSettings s = SettingsFromEnvironment();
  EXPECT_FALSE(s.name.empty());
  EXPECT_EQ(s.utc_offset_seconds, 0);
}

}  // namespace
}  // namespace DB
