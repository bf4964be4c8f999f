// LOCKSTEP_TEST, LOCKSTEP_TEST_S, LOCKSTEP_TEST_F and LOCKSTEP_TEST_F_S,
// including failing properties, which are checked through GoogleTest's own
// failure-capturing helpers.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "client/lockstep_gtest.h"
#include "gtest/gtest-spi.h"
#include "gtest/gtest.h"

namespace {

lockstep::Settings Quiet() {
  return lockstep::Settings().Derandomize(true).NoDatabase();
}

// The next ones prove only that the macros register a GoogleTest test whose
// body sees `tc` (and, for _F, the fixture's members) and compiles: their
// bodies pass on every value. What a failing body reports is asserted by the
// TESTs below.
LOCKSTEP_TEST(GtestIntegration, PassingPropertyPasses) {
  int x = tc.Draw(lockstep::gen::Integers<int>(0, 100));
  EXPECT_LE(x, 100);
}

std::atomic<int> settings_cases{0};
LOCKSTEP_TEST_S(
    GtestIntegration, TakesSettings,
    lockstep::Settings().TestCases(7).Derandomize(true).Example(-1)) {
  int x = tc.Draw("x", lockstep::gen::Integers<int>(0, 1000000));
  if (x == -1) return;  // the explicit example
  ++settings_cases;
}
TEST(GtestIntegration, ZzSettingsOfTheMacroApplied) {
  // Runs after TakesSettings (tests in a file run in order). Unless the
  // environment overrode them, 7 cases ran (repeats of a wide range are
  // unlikely, and count as cases run by the body).
  if (std::getenv("LOCKSTEP_TEST_CASES") != nullptr) GTEST_SKIP();
  if (settings_cases.load() == 0) GTEST_SKIP() << "runs after TakesSettings";
  EXPECT_GE(settings_cases.load(), 7);
  EXPECT_LE(settings_cases.load(), 8);
}

class CounterFixture : public ::testing::Test {
 protected:
  int limit_ = 1000;
};

LOCKSTEP_TEST_F(CounterFixture, BodySeesProtectedMembers) {
  int x = tc.Draw(lockstep::gen::Integers<int>(0, 1000));
  EXPECT_LE(x, limit_);
}

LOCKSTEP_TEST_F_S(CounterFixture, FixtureWithSettings, Quiet().TestCases(5)) {
  EXPECT_LE(tc.Draw(lockstep::gen::Integers<int>(0, 10)), limit_);
}

TEST(GtestIntegration, ExpectFailuresInsideTheBodyAreShrunkAndReported) {
  EXPECT_NONFATAL_FAILURE(lockstep::internal::RunGtestProperty(
                              "expect inside",
                              [](lockstep::TestCase& tc) {
                                int x = tc.Draw(
                                    "x", lockstep::gen::Integers<int>(0, 1000));
                                tc.Note("x is " + std::to_string(x));
                                EXPECT_LT(x, 500);
                              },
                              Quiet()),
                          "  x = 500\n  note: x is 500\n  reproduce: ");
}

TEST(GtestIntegration, AssertFailuresReturnFromTheBodyAndCount) {
  EXPECT_NONFATAL_FAILURE(
      lockstep::internal::RunGtestProperty(
          "assert inside",
          [](lockstep::TestCase& tc) {
            std::vector<int> v = tc.Draw(
                lockstep::gen::VectorOf(lockstep::gen::Integers<int>(0, 9)));
            ASSERT_LT(v.size(), 3u);
          },
          Quiet()),
      "draw 1 = {0, 0, 0}");
}

// The failures RunGtestProperty reports, captured.
std::vector<::testing::TestPartResult> Failures(
    const std::function<void(lockstep::TestCase&)>& body,
    const lockstep::Settings& settings) {
  ::testing::TestPartResultArray captured;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::
            INTERCEPT_ONLY_CURRENT_THREAD,
        &captured);
    lockstep::internal::RunGtestProperty("location", body, settings);
  }
  std::vector<::testing::TestPartResult> failures;
  for (int i = 0; i < captured.size(); ++i) {
    failures.push_back(captured.GetTestPartResult(i));
  }
  return failures;
}

TEST(GtestIntegration, FailuresAreReportedAtTheFailingLineInTheUsersFile) {
  int expect_line = 0;
  int assert_line = 0;
  std::vector<::testing::TestPartResult> failures = Failures(
      [&](lockstep::TestCase& tc) {
        int x = tc.Draw(lockstep::gen::Integers<int>(-10000, 10000));
        // clang-format off
        expect_line = __LINE__; EXPECT_LT(x, 1000);
        assert_line = __LINE__; LOCKSTEP_ASSERT_GT(x, -1000);
        // clang-format on
      },
      Quiet());
  ASSERT_EQ(failures.size(), 2u);
  std::vector<int> lines;
  for (const ::testing::TestPartResult& failure : failures) {
    EXPECT_TRUE(failure.nonfatally_failed());
    ASSERT_NE(failure.file_name(), nullptr);
    EXPECT_NE(
        std::string(failure.file_name()).find("gtest_integration_test.cc"),
        std::string::npos)
        << failure.file_name();
    lines.push_back(failure.line_number());
  }
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<int>{expect_line, assert_line}));
  std::string messages =
      std::string(failures[0].message()) + failures[1].message();
  EXPECT_NE(messages.find("LOCKSTEP_ASSERT_GT(x, -1000) failed: x = -1000, "
                          "-1000 = -1000"),
            std::string::npos)
      << messages;
}

TEST(GtestIntegration, AnErrorWithoutALineIsReportedAtTheTest) {
  std::vector<::testing::TestPartResult> failures = Failures(
      [](lockstep::TestCase& tc) {
        tc.Draw(lockstep::gen::ElementOf(std::vector<int>{}));
      },
      Quiet());
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_NE(std::string(failures[0].message())
                .find("usage error: gen::ElementOf: no values"),
            std::string::npos)
      << failures[0].message();
  // This TEST's own file and line, not lockstep_gtest.cc's.
  EXPECT_NE(std::string(failures[0].file_name()).find("gtest_integration_test"),
            std::string::npos);
}

}  // namespace
