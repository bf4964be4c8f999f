#include "client/concurrent/scenario_table.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/concurrent/scenario_run.h"

namespace lockstep::concurrent::internal {
namespace {

using linearizability::Describe;
using linearizability::Operation;

void AppendSequential(const std::vector<Operation>& history, const char* part,
                      const std::string& indent, std::string* out) {
  bool any = false;
  for (const Operation& op : history) {
    if (op.thread != part) continue;
    if (!any) absl::StrAppend(out, indent, part, ":\n");
    any = true;
    absl::StrAppend(out, indent, "  ", Describe(op), "\n");
  }
}

}  // namespace

std::string FormatScenarioTable(const std::vector<Operation>& history,
                                const std::string& indent) {
  std::string out;
  AppendSequential(history, kPrefixThread, indent, &out);
  // The threads' columns, in order of first appearance (the history lists
  // each thread's operations in the order it ran them).
  std::vector<std::pair<std::string, std::vector<std::string>>> columns;
  for (const Operation& op : history) {
    if (op.thread == kPrefixThread || op.thread == kSuffixThread) continue;
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const auto& c) { return c.first == op.thread; });
    if (it == columns.end()) {
      columns.push_back({op.thread, {}});
      it = columns.end() - 1;
    }
    it->second.push_back(Describe(op));
  }
  if (!columns.empty()) {
    std::vector<size_t> widths;
    size_t rows = 0;
    for (const auto& [name, cells] : columns) {
      size_t width = name.size();
      for (const std::string& cell : cells)
        width = std::max(width, cell.size());
      widths.push_back(width);
      rows = std::max(rows, cells.size());
    }
    auto line = [&](auto cell_of) {
      std::string text = indent;
      for (size_t c = 0; c < columns.size(); ++c) {
        std::string cell = cell_of(c);
        if (c + 1 < columns.size()) {
          cell.resize(widths[c], ' ');
          absl::StrAppend(&text, cell, " | ");
        } else {
          absl::StrAppend(&text, cell);
        }
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      absl::StrAppend(&out, text, "\n");
    };
    line([&](size_t c) { return columns[c].first; });
    for (size_t r = 0; r < rows; ++r) {
      line([&](size_t c) {
        return r < columns[c].second.size() ? columns[c].second[r]
                                            : std::string();
      });
    }
  }
  AppendSequential(history, kSuffixThread, indent, &out);
  return out;
}

}  // namespace lockstep::concurrent::internal
