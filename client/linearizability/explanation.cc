#include "client/linearizability/explanation.h"

#include "absl/strings/str_cat.h"

namespace lockstep::linearizability::internal {

std::string ExplainNotLinearizable(
    const std::vector<Operation>& history, const std::vector<size_t>& longest,
    const std::vector<std::pair<size_t, std::string>>& blocked) {
  std::string out = absl::StrCat(
      "not linearizable: no order of the ", history.size(),
      " operations that respects real time explains every result\n",
      "history (microseconds from the first invocation):\n",
      FormatTimeline(history));
  absl::StrAppend(&out, "longest linearizable prefix (", longest.size(), " of ",
                  history.size(), " operations):\n");
  if (longest.empty()) absl::StrAppend(&out, "  (none)\n");
  for (size_t i = 0; i < longest.size(); ++i) {
    const Operation& op = history[longest[i]];
    absl::StrAppend(&out, "  ", i + 1, ". ", Describe(op), "  [", op.thread,
                    "]\n");
  }
  absl::StrAppend(&out, longest.empty() ? "no operation can go first:\n"
                                        : "after it, no operation can go "
                                          "next:\n");
  for (const auto& [op, reason] : blocked) {
    absl::StrAppend(&out, "  ", Describe(history[op]), "  [",
                    history[op].thread, "]: ", reason, "\n");
  }
  size_t waiting = history.size() - longest.size() - blocked.size();
  if (waiting > 0) {
    absl::StrAppend(&out, "  (", waiting,
                    waiting == 1 ? " other operation" : " other operations",
                    " must wait: invoked after one of these returned)\n");
  }
  return out;
}

}  // namespace lockstep::linearizability::internal
