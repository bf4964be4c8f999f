// Shrinks a failing test case to a minimal one on its choice sequence, in
// the manner of Hypothesis: delete collection elements and runs of choices,
// pass a span's place to a descendant, replace spans with the simplest
// values, minimise each choice, lower duplicated values together,
// redistribute between pairs of integers, shift pairs of integers together,
// lower an integer while deleting spans after it, reorder sibling spans and,
// at a fixed point, delete an element while a sibling jumps to an end of its
// range. A candidate that would retrace a run already made (KnownRuns) costs
// no call. Every accepted candidate fails with the same origin and is
// strictly smaller in shortlex order, so shrinking terminates; it stops at a
// fixed point or when the budget runs out.
//
// The passes are in shrink_passes_deletion.cc, shrink_passes_values.cc and
// shrink_passes_reordering.cc; what they read off a run's spans is in
// spans.h and the edits they build candidates with in shrink_edits.h.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_SHRINKER_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_SHRINKER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "server_bridge/engine/known_runs.h"
#include "server_bridge/engine/test_function.h"
#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/defaults.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::engine {

struct ShrinkBudget {
  uint64_t max_calls = protocol::kDefaultMaxShrinkCalls;
  absl::Duration max_time = absl::Seconds(protocol::kDefaultMaxShrinkSeconds);
};

// The shrink passes, in the order a round runs them; kDeleteAndJump runs
// only at a fixed point of the others. Results and tests index by these, so
// renaming a pass cannot leave a lookup silently finding nothing.
enum class ShrinkPass {
  kDeleteSpans,
  kDeleteWithUsers,
  kPassToDescendant,
  kZeroSpans,
  kDeleteRuns,
  kMinimizeChoices,
  kShrinkDuplicates,
  kRedistribute,
  kShiftTogether,
  kLowerAndDelete,
  kReorderSpans,
  kDeleteAndJump,
};

// A pass's name for the engine's log: "delete spans", "minimize choices"...
std::string_view ShrinkPassName(ShrinkPass pass);

struct ShrinkResult {
  protocol::Outcome minimal;  // the smallest failing run found
  uint64_t calls = 0;         // test runs spent shrinking
  // "fixed point", "call budget", "time budget".
  std::string stop_reason;
  // Improvements and calls per pass, for the engine's log and tests.
  std::map<ShrinkPass, uint64_t> improvements_by_pass;
  std::map<ShrinkPass, uint64_t> calls_by_pass;
};

// Owned by the thread that calls Run(); not shared.
class Shrinker {
 public:
  // `failure` must be an interesting outcome of `test`.
  Shrinker(const TestFunction& test, protocol::Outcome failure,
           ShrinkBudget budget, uint32_t max_choices);

  ShrinkResult Run();

 private:
  // Runs `candidate` as a prefix (simplest values past it); keeps it when it
  // fails with the same origin and is smaller. Returns true if kept.
  // With `shorter_only`, keeps it only if the run came out shorter.
  bool Consider(const protocol::ChoiceSequence& candidate,
                bool shorter_only = false);
  bool OutOfBudget();
  // Runs one pass, counting its calls and improvements under its name.
  bool RunPass(ShrinkPass pass);

  // The passes, one file per group; each returns whether it improved.
  //
  // Deletion (shrink_passes_deletion.cc): shorter runs.
  bool DeleteSpans();
  // Deletes an element that made values (a stateful step that filled a
  // pool) together with every element that uses them, directly or through
  // another user (spans.h, UsersOf).
  bool DeleteWithUsers();
  bool DeleteRuns();
  bool LowerAndDelete();
  // Run only at a fixed point of the others: delete a span while another
  // integer in the same parent jumps to an end of its range.
  bool DeleteAndJump();

  // Value minimisation (shrink_passes_values.cc): simpler values in place.
  bool ZeroSpans();
  bool MinimizeChoices();
  bool ShrinkDuplicates();
  bool Redistribute();
  bool ShiftTogether();

  // Reordering (shrink_passes_reordering.cc): spans moved within the run.
  bool ReorderSpans();
  bool PassToDescendant();

  // Part of LowerAndDelete: once lowering the integer at `i` by one and
  // deleting `first` succeeded, lowers it by 2, 4, ... while deleting as
  // many spans alike `first` from where it was.
  void LowerAndDeleteInDoublingSteps(size_t i, const protocol::Span& first);

  // Parts of MinimizeChoices, one per kind of the choice at `i`.
  bool MinimizeBoolean(size_t i);
  bool MinimizeInteger(size_t i);
  bool MinimizeFloat(size_t i);
  bool MinimizeBytes(size_t i);
  // Parts of MinimizeInteger, for the integer at `i` whose shrink target
  // was `target` when the pass came to it. Steps it a little toward the
  // target; true if one of those steps failed.
  bool StepIntegerDown(size_t i, int64_t target, bool shared);
  // After a step: the rest of the way, by binary search.
  void SearchIntegerDown(size_t i, int64_t target);
  // Smaller magnitudes on the other side of the target.
  bool TryOtherSide(size_t i);

  // current_'s choices with `choice` at `i` (unchanged past the end).
  protocol::ChoiceSequence CurrentWith(size_t i, protocol::Choice choice) const;

  // Binary search for the smallest distance d in [0, current] from the
  // target for which `make(d)` still fails; make(d) returns the candidate.
  // With `probe_one_step`, gives up when one step from here does not fail
  // (for moves that rarely help, so a miss costs two calls, not a search).
  // Defined in shrink_passes_values.cc, whose passes are its only users.
  template <typename MakeCandidate>
  bool MinimizeDistance(uint64_t current, MakeCandidate make,
                        bool probe_one_step = false);
  // Calls `move(base, i, j)` for each pair of integers i < j a few choices
  // apart in current_, where `base` is current_'s choices when the pair
  // came up; true if any call returned true. Also defined in
  // shrink_passes_values.cc, for Redistribute and ShiftTogether.
  template <typename MovePair>
  bool ForNearbyIntegerPairs(MovePair move);

  const TestFunction& test_;
  const ShrinkBudget budget_;
  const uint32_t max_choices_;
  const std::string origin_;
  protocol::Outcome current_;
  std::set<std::string> tried_;
  KnownRuns known_;  // every run made while shrinking
  // The running pass, for calls_by_pass and improvements_by_pass.
  ShrinkPass pass_ = ShrinkPass::kDeleteSpans;
  ShrinkResult result_;
  absl::Time deadline_;
  bool out_of_budget_ = false;
  // How the run of the last Consider's candidate ended, or would end by
  // known_ (none when it neither ran it nor knew it).
  std::optional<protocol::Status> last_status_;
};

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_SHRINKER_H_
