// What a run reports about itself: events, counts, why generation and
// shrinking stopped (Result's statistics and Result::Statistics()).
#include <string>

#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace lockstep {
namespace {

Settings Quiet() { return Settings().Derandomize(true).NoDatabase(); }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(StatisticsTest, EventsCountGeneratedCasesOncePerCase) {
  Result result = Check(
      "events",
      [](TestCase& tc) {
        int x = tc.Draw(gen::Integers<int>(0, 1000000));
        tc.Event(x % 2 == 0 ? "even" : "odd");
        tc.Event("even");  // twice in a case still counts once for "even"
        tc.Event("x / 1000", x / 1000);
      },
      Quiet().TestCases(200));
  ASSERT_TRUE(result.passed) << result.Report("events");
  // Repeats of earlier cases are generated too and count against the cases
  // asked for (test_cases bounds the bodies run), but not as valid cases.
  EXPECT_EQ(result.generated_cases, 200u);
  EXPECT_EQ(result.test_cases_run + result.repeats, 200u);
  EXPECT_EQ(result.events.at("even"), result.generated_cases);
  EXPECT_GT(result.events.at("odd"), 50u);
  EXPECT_LT(result.events.at("odd"), 150u);
  const NumericEvent& x = result.numeric_events.at("x / 1000");
  EXPECT_EQ(x.cases, result.generated_cases);
  EXPECT_EQ(x.min, 0);  // the simplest case comes first
  EXPECT_GT(x.max, 500);
  std::string statistics = result.Statistics("events");
  EXPECT_TRUE(Contains(
      statistics,
      "lockstep: 'events' passed: " + std::to_string(result.test_cases_run) +
          " valid cases, 0 invalid, " + std::to_string(result.repeats) +
          " repeats, 0 overruns in "))
      << statistics;
  EXPECT_TRUE(Contains(statistics, "events, of " +
                                       std::to_string(result.generated_cases) +
                                       " generated cases: 100.0% even; "))
      << statistics;
  EXPECT_TRUE(Contains(statistics, "  x / 1000: min 0, mean ")) << statistics;
  EXPECT_TRUE(
      Contains(statistics, "generation stopped: ran the test cases asked for"))
      << statistics;
  EXPECT_TRUE(Contains(statistics, "example database: off")) << statistics;
  EXPECT_GT(result.seconds, 0);
}

TEST(StatisticsTest, RepeatsInvalidCasesAndAnExhaustedSpace) {
  Result result = Check(
      "small space",
      [](TestCase& tc) {
        bool a = tc.Draw(gen::Booleans());
        bool b = tc.Draw(gen::Booleans());
        tc.Assume(a || b);
      },
      Quiet());
  ASSERT_TRUE(result.passed) << result.Report("small space");
  EXPECT_EQ(result.test_cases_run, 3u);
  EXPECT_EQ(result.invalid_cases, 1u);
  EXPECT_GT(result.repeats, 0u);
  EXPECT_EQ(result.stop_reason, "all 4 distinct inputs tried");
}

TEST(StatisticsTest, AFailingRunSaysWhyGenerationAndShrinkingStopped) {
  Result result = Check(
      "stops",
      [](TestCase& tc) {
        LOCKSTEP_ASSERT_LT(tc.Draw(gen::Integers<int>(0, 100000)), 1000);
      },
      Quiet());
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_EQ(result.stop_reason,
            "found a failure (and looked a little further for others)");
  EXPECT_FALSE(result.shrink_stop_reason.empty());
  std::string report = result.Report("stops");
  EXPECT_TRUE(Contains(report, "lockstep: 'stops': shrinking stopped (" +
                                   result.shrink_stop_reason + ") after "))
      << report;
  // Both operands printed.
  EXPECT_EQ(result.failure().message,
            "LOCKSTEP_ASSERT_LT(tc.Draw(gen::Integers<int>(0, 100000)), 1000) "
            "failed: tc.Draw(gen::Integers<int>(0, 100000)) = 1000, 1000 = "
            "1000");
}

}  // namespace
}  // namespace lockstep
