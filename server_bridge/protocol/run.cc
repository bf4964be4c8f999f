#include "server_bridge/protocol/run.h"

#include "server_bridge/protocol/digest.h"

namespace lockstep::protocol {

bool SendBatchedRunWhole(Status status, const ChoiceSequence& choices,
                         bool has_targets) {
  return status == Status::kInteresting || has_targets ||
         (choices.size() <= kMaxChoicesOfWholeBatchedRun &&
          Enumerable(choices));
}

void Summarize(const ChoiceSequence& choices, Outcome* outcome) {
  outcome->summarized = true;
  outcome->digest = Digest(choices);
  outcome->choice_count = static_cast<uint32_t>(choices.size());
  outcome->choices.clear();
  outcome->spans.clear();
}

}  // namespace lockstep::protocol
