#include "server_bridge/protocol/run.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
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

std::string UsesSpanLabel(uint32_t maker_start) {
  return absl::StrCat(kUsesSpanPrefix, maker_start);
}

std::optional<uint32_t> ParseUsesSpanLabel(std::string_view label) {
  constexpr std::string_view prefix = kUsesSpanPrefix;
  if (label.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string digits(label.substr(prefix.size()));
  uint32_t start = 0;
  // SimpleAtoi takes a sign; a position has none.
  if (digits.empty() || digits.front() == '-' || digits.front() == '+' ||
      !absl::SimpleAtoi(digits, &start)) {
    return std::nullopt;
  }
  return start;
}

}  // namespace lockstep::protocol
