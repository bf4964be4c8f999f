// KnownRuns: a candidate that would retrace a recorded run is recognised
// without running the test, whatever its literal choices.
#include "server_bridge/engine/known_runs.h"

#include <optional>

#include "gtest/gtest.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;
using protocol::Status;

namespace {

// A list of two elements in [0, 10], each after a "one more?" flag, then the
// closing flag.
ChoiceSequence TwoElements(int64_t a, int64_t b) {
  return {Choice::Boolean(true, 0.8), Choice::Integer(a, 0, 10),
          Choice::Boolean(true, 0.8), Choice::Integer(b, 0, 10),
          Choice::Boolean(false, 0.8)};
}

TEST(KnownRunsTest, FindsARecordedRunAndHowItEnded) {
  KnownRuns known;
  known.Record(TwoElements(3, 4), Status::kInteresting);
  EXPECT_EQ(known.Find(TwoElements(3, 4), 100), Status::kInteresting);
  EXPECT_EQ(known.Find(TwoElements(3, 5), 100), std::nullopt);
  EXPECT_EQ(known.runs(), 1u);
}

TEST(KnownRunsTest, ACandidateThatReplaysIntoARecordedRunIsKnown) {
  KnownRuns known;
  known.Record(TwoElements(0, 0), Status::kValid);
  // Without its closing flag: the replay takes the simplest value, false.
  ChoiceSequence short_prefix = TwoElements(0, 0);
  short_prefix.pop_back();
  EXPECT_EQ(known.Find(short_prefix, 100), Status::kValid);
  // A flag where a value was asked for is read as the simplest value, 0.
  ChoiceSequence misaligned = {Choice::Boolean(true, 0.8),
                               Choice::Boolean(true, 0.8),
                               Choice::Boolean(true, 0.8)};
  EXPECT_EQ(known.Find(misaligned, 100), Status::kValid);
  // A value outside the bounds the test used is clamped into them.
  ChoiceSequence clamped = TwoElements(0, 0);
  clamped[1] = Choice::Integer(-7, -10, 10);
  EXPECT_EQ(known.Find(clamped, 100), Status::kValid);
}

TEST(KnownRunsTest, ARunNotYetMadeIsUnknown) {
  KnownRuns known;
  known.Record(TwoElements(1, 2), Status::kInvalid);
  ChoiceSequence longer = TwoElements(1, 2);
  longer.back() = Choice::Boolean(true, 0.8);  // a third element follows
  EXPECT_EQ(known.Find(longer, 100), std::nullopt);
  EXPECT_EQ(known.Find({}, 100), std::nullopt);
}

TEST(KnownRunsTest, RunsThatDisagreeAreNotTrusted) {
  KnownRuns known;
  // The same first choice, then different requests: not deterministic.
  known.Record({Choice::Boolean(true, 0.5), Choice::Integer(1, 0, 10)},
               Status::kValid);
  known.Record({Choice::Boolean(true, 0.5), Choice::Integer(1, 0, 99)},
               Status::kValid);
  EXPECT_EQ(
      known.Find({Choice::Boolean(true, 0.5), Choice::Integer(1, 0, 10)}, 100),
      std::nullopt);
}

TEST(KnownRunsTest, ARunPastTheChoiceLimitIsAnOverrun) {
  KnownRuns known;
  known.Record(TwoElements(5, 6), Status::kValid);
  EXPECT_EQ(known.Find(TwoElements(5, 6), 3), Status::kOverrun);
}

}  // namespace
}  // namespace lockstep::engine
