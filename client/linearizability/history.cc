#include "client/linearizability/history.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace lockstep::linearizability {

absl::Status ValidateHistory(const std::vector<Operation>& history) {
  for (size_t i = 0; i < history.size(); ++i) {
    const Operation& op = history[i];
    if (op.returned < op.invoked) {
      return absl::InvalidArgumentError(
          absl::StrCat("operation ", i, " (", Describe(op), " on ", op.thread,
                       ") returned at ", op.returned,
                       " before it was invoked at ", op.invoked));
    }
  }
  return absl::OkStatus();
}

std::string Describe(const Operation& operation) {
  if (operation.result.empty()) return operation.call;
  return absl::StrCat(operation.call, " -> ", operation.result);
}

std::string FormatTimeline(const std::vector<Operation>& history) {
  if (history.empty()) return "  (no operations)\n";
  int64_t start = history[0].invoked;
  for (const Operation& op : history) start = std::min(start, op.invoked);
  // Threads in order of first appearance; each thread's operations by
  // invocation time (a thread runs one at a time, so this is its order).
  std::vector<std::pair<std::string, std::vector<size_t>>> threads;
  for (size_t i = 0; i < history.size(); ++i) {
    auto it = std::find_if(threads.begin(), threads.end(), [&](const auto& t) {
      return t.first == history[i].thread;
    });
    if (it == threads.end()) {
      threads.push_back({history[i].thread, {}});
      it = threads.end() - 1;
    }
    it->second.push_back(i);
  }
  std::string out;
  for (auto& [thread, ops] : threads) {
    std::stable_sort(ops.begin(), ops.end(), [&](size_t a, size_t b) {
      return history[a].invoked < history[b].invoked;
    });
    absl::StrAppend(&out, "  ", thread, ":\n");
    for (size_t i : ops) {
      const Operation& op = history[i];
      absl::StrAppend(
          &out,
          absl::StrFormat("    [%9.1f, %9.1f]  %s\n",
                          static_cast<double>(op.invoked - start) / 1000.0,
                          static_cast<double>(op.returned - start) / 1000.0,
                          Describe(op)));
    }
  }
  return out;
}

}  // namespace lockstep::linearizability
