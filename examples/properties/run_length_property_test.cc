// The demo's property finds the codec's bug, and shrinks it to the smallest
// input that shows it: one run of 256 'a's.
#include "examples/properties/run_length_property.h"

#include "gtest/gtest.h"

namespace {

TEST(RunLengthPropertyTest, FindsTheRunLengthOverflowAndShrinksIt) {
  lockstep::Result result =
      lockstep::Check("run-length round trip", examples::RunLengthRoundTrip,
                      lockstep::Settings().Derandomize(true).NoDatabase());
  ASSERT_FALSE(result.passed);
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("run-length");
  ASSERT_EQ(result.failure().draws.size(), 1u);
  EXPECT_EQ(result.failure().draws[0].name, "runs");
  EXPECT_EQ(result.failure().draws[0].value, "{(256, 'a')}");
  EXPECT_EQ(result.failure().notes,
            std::vector<std::string>{"input is 256 bytes"});
}

}  // namespace
