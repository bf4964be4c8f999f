// How a stateful program sits in the choice sequence, so that the engine's
// ordinary passes shrink it well:
//
//   [swarm: one "off?" flag per command]
//   [initialize steps]
//   ["one more step?" flag][step: command pick, its arguments...] ...
//   ["one more step?" = false]
//
// Each step is a span after a flag, like a collection's element, so the
// shrinker deletes a step (flag and span) in one edit and the steps after
// it keep their choices. A step whose command is switched off, or whose
// precondition no longer holds on the model (after an earlier step went),
// is skipped rather than failing the case: its pick stays in the sequence,
// the program goes on, and a later pass deletes it.
#ifndef LOCKSTEP_CLIENT_STATEFUL_STEP_LOOP_H_
#define LOCKSTEP_CLIENT_STATEFUL_STEP_LOOP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "client/test_case.h"

namespace lockstep::stateful::internal {

// Swarm testing: each case switches off a random subset of the commands
// (never all), so that a case can dwell on a few. The flags' simplest value
// is "on", so shrinking switches every command back on. With `swarm` false
// (or one command) nothing is drawn and all are on.
std::vector<bool> DrawEnabled(TestCase& tc, size_t commands, bool swarm);

// Picks a command by weight with one integer choice: the simplest pick is
// the first command.
class CommandPicker {
 public:
  explicit CommandPicker(const std::vector<uint32_t>& weights);
  size_t Pick(TestCase& tc) const;

 private:
  std::vector<uint64_t> cumulative_;  // cumulative_[i]: weights up to i
};

// The "one more step?" flags: about max_steps / 2 steps on average, never
// more than max_steps run (nor more than four times as many attempted, for
// machines whose preconditions rarely hold).
class StepBudget {
 public:
  explicit StepBudget(uint32_t max_steps);
  bool More(TestCase& tc);
  void Ran() { ++ran_; }
  uint32_t ran() const { return ran_; }

 private:
  const uint32_t max_steps_;
  const double continue_probability_;
  uint32_t ran_ = 0;
  uint64_t attempted_ = 0;
};

}  // namespace lockstep::stateful::internal

#endif  // LOCKSTEP_CLIENT_STATEFUL_STEP_LOOP_H_
