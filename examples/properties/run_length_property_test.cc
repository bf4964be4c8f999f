// The demo's property finds the codec's bug, and shrinks it to the smallest
// input that shows it: one run of 256 'a's.
#include "examples/properties/run_length_property.h"

#include "gtest/gtest.h"

namespace {

TEST(RunLengthPropertyTest, FindsTheRunLengthOverflowAndShrinksIt) {
  lockstep::Settings settings;
  settings.derandomize = true;
  settings.database = std::nullopt;
  lockstep::Result result = lockstep::Check(
      "run-length round trip", examples::RunLengthRoundTrip, settings);
  ASSERT_FALSE(result.passed);
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("run-length");
  EXPECT_EQ(result.failure().draws, std::vector<std::string>{"{(256, 'a')}"});
  EXPECT_EQ(result.failure().notes,
            std::vector<std::string>{"input is 256 bytes"});
}

}  // namespace
