#include "client/stateful/step_loop.h"

#include <algorithm>

namespace lockstep::stateful::internal {
namespace {

constexpr double kSwarmOffProbability = 0.3;
constexpr uint64_t kAttemptsPerStep = 4;

}  // namespace

std::vector<bool> DrawEnabled(TestCase& tc, size_t commands, bool swarm) {
  std::vector<bool> enabled(commands, true);
  if (!swarm || commands < 2) return enabled;
  bool any = false;
  tc.Span("swarm", [&] {
    for (size_t i = 0; i < commands; ++i) {
      enabled[i] = !tc.DrawBoolean(kSwarmOffProbability);
      any = any || enabled[i];
    }
  });
  if (!any) enabled.assign(commands, true);
  return enabled;
}

CommandPicker::CommandPicker(const std::vector<uint32_t>& weights) {
  uint64_t total = 0;
  for (uint32_t weight : weights) {
    total += weight;
    cumulative_.push_back(total);
  }
}

size_t CommandPicker::Pick(TestCase& tc) const {
  if (cumulative_.size() <= 1) return 0;
  int64_t pick =
      tc.DrawInteger(0, static_cast<int64_t>(cumulative_.back()) - 1);
  return static_cast<size_t>(std::upper_bound(cumulative_.begin(),
                                              cumulative_.end(),
                                              static_cast<uint64_t>(pick)) -
                             cumulative_.begin());
}

StepBudget::StepBudget(uint32_t max_steps)
    : max_steps_(max_steps),
      continue_probability_(1.0 -
                            1.0 / std::max<double>(2.0, max_steps / 2.0)) {}

bool StepBudget::More(TestCase& tc) {
  bool room = ran_ < max_steps_ && attempted_ < kAttemptsPerStep * max_steps_;
  // At the limit the flag is still drawn (fixed to false), so a program
  // ends with the same closing flag however long it is.
  bool more = tc.DrawBoolean(room ? continue_probability_ : 0.0);
  if (more) ++attempted_;
  return more;
}

}  // namespace lockstep::stateful::internal
