#include "client/stateful/program_log.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace lockstep::stateful::internal {

void ProgramLog::Clear(std::string system) {
  system_ = std::move(system);
  entries_.clear();
  step_start_ = 0;
}

void ProgramLog::Append(std::unique_ptr<PrintedStep> step) {
  entries_.push_back(Entry{std::move(step), {}});
}

void ProgramLog::Produced(std::string name) {
  if (!entries_.empty()) entries_.back().produced.push_back(std::move(name));
}

std::string ProgramLog::Format(size_t marked, const std::string& marker) const {
  std::string out =
      absl::StrCat("  program (", entries_.size(),
                   entries_.size() == 1 ? " step" : " steps", "):\n");
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& entry = entries_[i];
    std::string line = "    ";
    if (entry.produced.size() == 1) {
      absl::StrAppend(&line, "auto ", entry.produced[0], " = ");
    } else if (entry.produced.size() > 1) {
      absl::StrAppend(&line, "auto [", absl::StrJoin(entry.produced, ", "),
                      "] = ");
    }
    absl::StrAppend(&line, system_, system_.empty() ? "" : ".",
                    entry.step->Call(), ";");
    std::string result = entry.step->ResultText();
    if (!result.empty()) absl::StrAppend(&line, "  // -> ", result);
    if (i == marked) absl::StrAppend(&line, "  <-- ", marker);
    absl::StrAppend(&out, line, "\n");
  }
  return out;
}

}  // namespace lockstep::stateful::internal
