#include "server_bridge/engine/test_case.h"

#include "server_bridge/engine/data_tree.h"

namespace lockstep::engine {

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kReplay:
      return "replay";
    case Phase::kGenerate:
      return "generate";
    case Phase::kTarget:
      return "target";
    case Phase::kShrink:
      return "shrink";
    case Phase::kFinal:
      return "final";
  }
  return "unknown";
}

const char* StatusName(Status status) {
  switch (status) {
    case Status::kOverrun:
      return "overrun";
    case Status::kInvalid:
      return "invalid";
    case Status::kValid:
      return "valid";
    case Status::kInteresting:
      return "interesting";
  }
  return "unknown";
}

bool SendBatchedRunWhole(Status status, const ChoiceSequence& choices,
                         bool has_targets) {
  return status == Status::kInteresting || has_targets ||
         (choices.size() <= kMaxChoicesOfWholeBatchedRun &&
          DataTree::Enumerable(choices));
}

void Summarize(const ChoiceSequence& choices, Outcome* outcome) {
  outcome->summarized = true;
  outcome->digest = Digest(choices);
  outcome->choice_count = static_cast<uint32_t>(choices.size());
  outcome->choices.clear();
  outcome->spans.clear();
}

}  // namespace lockstep::engine
