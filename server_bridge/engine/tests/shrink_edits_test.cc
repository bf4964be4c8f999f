// The edits shrink passes build candidates with.
#include "server_bridge/engine/shrink_edits.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;

namespace {

TEST(ShrinkEditsTest, AtDistanceIsMeasuredFromTheShrinkTarget) {
  // The target of [-10, 10] is 0; of [5, 10] it is 5.
  Choice around_zero = Choice::Integer(3, -10, 10);
  EXPECT_EQ(AtDistance(around_zero, 4, /*above=*/true), 4);
  EXPECT_EQ(AtDistance(around_zero, 4, /*above=*/false), -4);
  EXPECT_EQ(AtDistance(around_zero, 10, /*above=*/false), -10);
  EXPECT_EQ(AtDistance(around_zero, 11, /*above=*/true), std::nullopt);

  Choice positive = Choice::Integer(7, 5, 10);
  EXPECT_EQ(AtDistance(positive, 2, /*above=*/true), 7);
  EXPECT_EQ(AtDistance(positive, 0, /*above=*/false), 5);
  EXPECT_EQ(AtDistance(positive, 1, /*above=*/false), std::nullopt);
}

TEST(ShrinkEditsTest, AtDistanceSpansTheWholeInt64Range) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  Choice full = Choice::Integer(0, kMin, kMax);
  EXPECT_EQ(AtDistance(full, uint64_t{1} << 63, /*above=*/false), kMin);
  EXPECT_EQ(AtDistance(full, uint64_t{1} << 63, /*above=*/true), std::nullopt);
  Choice from_min = Choice::Integer(kMin + 1, kMin, kMin + 1);  // its target
  EXPECT_EQ(AtDistance(from_min, 1, /*above=*/false), kMin);
}

TEST(ShrinkEditsTest, TowardTargetStaysOnTheValuesSide) {
  EXPECT_EQ(TowardTarget(Choice::Integer(5, -10, 10), 2), 3);
  EXPECT_EQ(TowardTarget(Choice::Integer(-5, -10, 10), 2), -3);
  EXPECT_EQ(TowardTarget(Choice::Integer(-5, -10, 10), 5), 0);
  EXPECT_EQ(TowardTarget(Choice::Integer(-5, -10, 10), 6), std::nullopt);
  EXPECT_EQ(TowardTarget(Choice::Integer(9, 7, 10), 2), 7);  // target 7
}

TEST(ShrinkEditsTest, WithoutCutsAHalfOpenRange) {
  ChoiceSequence choices = {Choice::Integer(1, 0, 9), Choice::Integer(2, 0, 9),
                            Choice::Integer(3, 0, 9), Choice::Integer(4, 0, 9)};
  EXPECT_EQ(Without(choices, 1, 3), (ChoiceSequence{Choice::Integer(1, 0, 9),
                                                    Choice::Integer(4, 0, 9)}));
  EXPECT_EQ(Without(choices, 2, 2), choices);
  EXPECT_EQ(Without(choices, 0, 4), ChoiceSequence{});
}

TEST(ShrinkEditsTest, WithChoiceAtPastTheEndChangesNothing) {
  ChoiceSequence choices = {Choice::Boolean(true), Choice::Integer(2, 0, 9)};
  EXPECT_EQ(WithChoiceAt(choices, 0, Choice::Boolean(false)),
            (ChoiceSequence{Choice::Boolean(false), Choice::Integer(2, 0, 9)}));
  EXPECT_EQ(WithChoiceAt(choices, 2, Choice::Boolean(false)), choices);
}

TEST(ShrinkEditsTest, DecrementedAfterStepsLaterIntegersTowardTheirTargets) {
  ChoiceSequence choices = {
      Choice::Integer(5, 0, 9),  Choice::Boolean(true),
      Choice::Integer(5, 0, 9),  Choice::Integer(-5, -9, 9),
      Choice::Integer(0, -9, 9), Choice::Integer(7, 7, 9)};
  EXPECT_EQ(
      DecrementedAfter(choices, 1),
      (ChoiceSequence{Choice::Integer(5, 0, 9),  // before `from`
                      Choice::Boolean(true),     // not an integer
                      Choice::Integer(4, 0, 9), Choice::Integer(-4, -9, 9),
                      Choice::Integer(0, -9, 9),  // at its target
                      Choice::Integer(7, 7, 9)}));
}

}  // namespace
}  // namespace lockstep::engine
