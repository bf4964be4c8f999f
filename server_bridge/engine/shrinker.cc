// The shrinker's frame: its budget, Consider (which every pass's candidates
// go through), and the rounds of passes. The passes are in
// shrink_passes_*.cc.
#include "server_bridge/engine/shrinker.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "server_bridge/engine/choice_key.h"
#include "server_bridge/engine/shrink_edits.h"
#include "server_bridge/engine/simplicity.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;
using protocol::Directive;
using protocol::Outcome;
using protocol::Phase;
using protocol::Status;

namespace {

// The passes of one round, in order (kDeleteAndJump runs only when none of
// these improved).
constexpr ShrinkPass kRoundPasses[] = {
    ShrinkPass::kDeleteSpans,      ShrinkPass::kDeleteWithUsers,
    ShrinkPass::kPassToDescendant, ShrinkPass::kZeroSpans,
    ShrinkPass::kDeleteRuns,       ShrinkPass::kMinimizeChoices,
    ShrinkPass::kShrinkDuplicates, ShrinkPass::kRedistribute,
    ShrinkPass::kShiftTogether,    ShrinkPass::kLowerAndDelete,
    ShrinkPass::kReorderSpans,
};

}  // namespace

std::string_view ShrinkPassName(ShrinkPass pass) {
  switch (pass) {
    case ShrinkPass::kDeleteSpans:
      return "delete spans";
    case ShrinkPass::kDeleteWithUsers:
      return "delete with users";
    case ShrinkPass::kPassToDescendant:
      return "pass to descendant";
    case ShrinkPass::kZeroSpans:
      return "zero spans";
    case ShrinkPass::kDeleteRuns:
      return "delete runs";
    case ShrinkPass::kMinimizeChoices:
      return "minimize choices";
    case ShrinkPass::kShrinkDuplicates:
      return "shrink duplicates";
    case ShrinkPass::kRedistribute:
      return "redistribute";
    case ShrinkPass::kShiftTogether:
      return "shift together";
    case ShrinkPass::kLowerAndDelete:
      return "lower and delete";
    case ShrinkPass::kReorderSpans:
      return "reorder spans";
    case ShrinkPass::kDeleteAndJump:
      return "delete and jump";
  }
  return "unknown pass";
}

Shrinker::Shrinker(const TestFunction& test, Outcome failure,
                   ShrinkBudget budget, uint32_t max_choices)
    : test_(test),
      budget_(budget),
      max_choices_(max_choices),
      origin_(failure.origin),
      current_(std::move(failure)) {
  tried_.insert(Fingerprint(current_.choices));
  known_.Record(current_.choices, current_.status);
}

bool Shrinker::OutOfBudget() {
  if (out_of_budget_) return true;
  if (result_.calls >= budget_.max_calls) {
    result_.stop_reason = "call budget";
    out_of_budget_ = true;
  } else if (absl::Now() >= deadline_) {
    result_.stop_reason = "time budget";
    out_of_budget_ = true;
  }
  return out_of_budget_;
}

bool Shrinker::Consider(const ChoiceSequence& candidate, bool shorter_only) {
  last_status_.reset();
  // A prefix that is not smaller is never run: its run rarely comes out
  // smaller, and skipping it keeps the passes from looping.
  if (!ShortlexLess(candidate, current_.choices)) return false;
  // A candidate whose replay retraces a run already made cannot be smaller
  // than current_: that run was either no failure, or no smaller than the
  // current_ of its time, or an earlier current_ (runs refused only for not
  // being shorter are not recorded).
  if (std::optional<Status> known = known_.Find(candidate, max_choices_)) {
    last_status_ = known;  // passes act on how the run would end
    return false;
  }
  if (!tried_.insert(Fingerprint(candidate)).second) return false;
  if (OutOfBudget()) return false;
  Directive directive;
  directive.phase = Phase::kShrink;
  directive.prefix = candidate;
  directive.random_tail = false;
  directive.max_choices = max_choices_;
  Outcome outcome = test_(directive);
  ++result_.calls;
  ++result_.calls_by_pass[pass_];
  last_status_ = outcome.status;
  bool smaller = outcome.status == Status::kInteresting &&
                 outcome.origin == origin_ &&
                 ShortlexLess(outcome.choices, current_.choices);
  bool refused_as_not_shorter =
      smaller && shorter_only &&
      outcome.choices.size() >= current_.choices.size();
  // A smaller failure refused only for not being shorter may be taken by a
  // later pass: it is not "known" to be no improvement.
  if (!refused_as_not_shorter) known_.Record(outcome.choices, outcome.status);
  if (!smaller || refused_as_not_shorter) return false;
  tried_.insert(Fingerprint(outcome.choices));
  current_ = std::move(outcome);
  ++result_.improvements_by_pass[pass_];
  return true;
}

bool Shrinker::RunPass(ShrinkPass pass) {
  pass_ = pass;
  switch (pass) {
    case ShrinkPass::kDeleteSpans:
      return DeleteSpans();
    case ShrinkPass::kDeleteWithUsers:
      return DeleteWithUsers();
    case ShrinkPass::kPassToDescendant:
      return PassToDescendant();
    case ShrinkPass::kZeroSpans:
      return ZeroSpans();
    case ShrinkPass::kDeleteRuns:
      return DeleteRuns();
    case ShrinkPass::kMinimizeChoices:
      return MinimizeChoices();
    case ShrinkPass::kShrinkDuplicates:
      return ShrinkDuplicates();
    case ShrinkPass::kRedistribute:
      return Redistribute();
    case ShrinkPass::kShiftTogether:
      return ShiftTogether();
    case ShrinkPass::kLowerAndDelete:
      return LowerAndDelete();
    case ShrinkPass::kReorderSpans:
      return ReorderSpans();
    case ShrinkPass::kDeleteAndJump:
      return DeleteAndJump();
  }
  return false;
}

ChoiceSequence Shrinker::CurrentWith(size_t i, Choice choice) const {
  return WithChoiceAt(current_.choices, i, std::move(choice));
}

ShrinkResult Shrinker::Run() {
  deadline_ = absl::Now() + budget_.max_time;
  bool improved = true;
  while (improved && !OutOfBudget()) {
    improved = false;
    // Every pass of the round runs, whichever improved.
    for (ShrinkPass pass : kRoundPasses) improved |= RunPass(pass);
    if (!improved) improved = RunPass(ShrinkPass::kDeleteAndJump);
  }
  if (result_.stop_reason.empty()) result_.stop_reason = "fixed point";
  result_.minimal = current_;
  return result_;
}

}  // namespace lockstep::engine
