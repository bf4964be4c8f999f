// LOCKSTEP_TEST and LOCKSTEP_TEST_F, including failing properties, which are
// checked through GoogleTest's own failure-capturing helpers.
#include <string>
#include <vector>

#include "client/lockstep_gtest.h"
#include "gtest/gtest-spi.h"
#include "gtest/gtest.h"

namespace {

// The next two prove only that the macros register a GoogleTest test whose
// body sees `tc` (and, for _F, the fixture's members) and compiles: their
// bodies pass on every value. What a failing body reports is asserted by the
// TESTs below.
LOCKSTEP_TEST(GtestIntegration, PassingPropertyPasses) {
  int x = tc.Draw(lockstep::gen::Integers<int>(0, 100));
  EXPECT_LE(x, 100);
}

class CounterFixture : public ::testing::Test {
 protected:
  int limit_ = 1000;
};

LOCKSTEP_TEST_F(CounterFixture, BodySeesProtectedMembers) {
  int x = tc.Draw(lockstep::gen::Integers<int>(0, 1000));
  EXPECT_LE(x, limit_);
}

TEST(GtestIntegration, ExpectFailuresInsideTheBodyAreShrunkAndReported) {
  lockstep::Settings settings;
  settings.derandomize = true;
  settings.database = std::nullopt;
  EXPECT_NONFATAL_FAILURE(
      lockstep::internal::RunGtestProperty(
          "expect inside",
          [](lockstep::TestCase& tc) {
            int x = tc.Draw(lockstep::gen::Integers<int>(0, 1000));
            tc.Note("x is " + std::to_string(x));
            EXPECT_LT(x, 500);
          },
          settings),
      "draw 1: 500");
}

TEST(GtestIntegration, AssertFailuresReturnFromTheBodyAndCount) {
  lockstep::Settings settings;
  settings.derandomize = true;
  settings.database = std::nullopt;
  EXPECT_NONFATAL_FAILURE(
      lockstep::internal::RunGtestProperty(
          "assert inside",
          [](lockstep::TestCase& tc) {
            std::vector<int> v = tc.Draw(
                lockstep::gen::Vectors(lockstep::gen::Integers<int>(0, 9)));
            ASSERT_LT(v.size(), 3u);
          },
          settings),
      "draw 1: {0, 0, 0}");
}

}  // namespace
