// Tests for the partition pruning of timestamp columns.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace DB {
namespace {

// Converts a civil date in the process's local time zone to a day number.
int64_t LocalDayNumber(int year, int month, int day) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  return static_cast<int64_t>(std::mktime(&tm)) / 86400;
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
    setenv("TZ", "America/New_York", 1);  // EXPECT: concurrency-process-global-in-test
    tzset();
    for (int d = 1; d <= 10; ++d) partitions_.push_back(LocalDayNumber(2024, 3, d));
  }

  void TearDown() override {
    unsetenv("TZ");  // EXPECT: concurrency-process-global-in-test
    tzset();
  }

  std::vector<int64_t> partitions_;
};

TEST_F(PartitionPruningTest, KeepsDaysInsideTheRange) {
  const int64_t first = LocalDayNumber(2024, 3, 3);
  const int64_t last = LocalDayNumber(2024, 3, 5);
  std::vector<int64_t> kept = PruneDayPartitions(partitions_, first, last);
  EXPECT_EQ(kept.size(), 3u);
}

TEST_F(PartitionPruningTest, DaylightSavingSwitchKeepsOnePartitionPerDay) {
  // 2024-03-10 is the spring-forward day in New York.
  const int64_t before = LocalDayNumber(2024, 3, 9);
  const int64_t switch_day = LocalDayNumber(2024, 3, 10);
  EXPECT_EQ(switch_day - before, 1);
  std::vector<int64_t> kept = PruneDayPartitions(partitions_, switch_day, switch_day);
  EXPECT_EQ(kept.size(), 1u);
}

TEST_F(PartitionPruningTest, EmptyRangeKeepsNothing) {
  std::vector<int64_t> kept = PruneDayPartitions(partitions_, 10, 5);
  EXPECT_TRUE(kept.empty());
}

}  // namespace
}  // namespace DB
