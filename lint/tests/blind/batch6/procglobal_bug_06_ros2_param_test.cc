// ROS 2-style parameterized tests of a launch-file number parser: each
// case installs the locale under test process-wide, and the shutdown test
// installs its own SIGINT handler with sigaction().
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cmath>
#include <locale>
#include <sstream>
#include <string>

#include "mock/rclcpp_lite.h"

double ParseLaunchNumber(const std::string& text);

class LaunchNumberTest : public ::testing::TestWithParam<const char*> {};

TEST_P(LaunchNumberTest, ParsesWithDotInAnyLocale) {
  std::locale::global(std::locale(GetParam()));  // EXPECT: concurrency-process-global-in-test
  EXPECT_DOUBLE_EQ(ParseLaunchNumber("0.25"), 0.25);
  EXPECT_DOUBLE_EQ(ParseLaunchNumber("-3.5"), -3.5);
}

INSTANTIATE_TEST_SUITE_P(Locales, LaunchNumberTest, ::testing::Values("C", "en_US.UTF-8"));

static std::atomic<bool> g_sigint_seen{false};

TEST(LaunchShutdownTest, SigintStopsSpinning) {
  struct sigaction action = {};
  action.sa_handler = [](int) { g_sigint_seen.store(true); };
  sigemptyset(&action.sa_mask);
  int rc = sigaction(SIGINT, &action, nullptr);  // EXPECT: concurrency-process-global-in-test
  ASSERT_EQ(0, rc);
  raise(SIGINT);
  EXPECT_TRUE(g_sigint_seen.load());
}

TEST(LaunchNumberPlainTest, RejectsGarbage) {
  EXPECT_TRUE(std::isnan(ParseLaunchNumber("not-a-number")));
  EXPECT_DOUBLE_EQ(ParseLaunchNumber("1e3"), 1000.0);
}

TEST(LaunchNumberPlainTest, StreamUsesItsOwnLocale) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << 0.5;
  EXPECT_EQ(ParseLaunchNumber(out.str()), 0.5);
}
