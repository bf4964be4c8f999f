#include "client/result.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace lockstep {

const Failure& Result::failure() const {
  static const Failure* none = new Failure();
  return failures.empty() ? *none : failures.front();
}

std::string Result::Report(const std::string& name) const {
  std::string report;
  if (passed) {
    absl::StrAppend(&report, "lockstep: '", name, "' passed ", test_cases_run,
                    " cases\n");
  }
  for (const Failure& failure : failures) {
    absl::StrAppend(
        &report, "lockstep: '", name, "' failed",
        failure.explicit_example > 0
            ? absl::StrCat(" on explicit example ", failure.explicit_example)
            : "",
        ": ", failure.message, " (at ", failure.origin, ")\n", failure.example);
    if (failure.explicit_example == 0) {
      absl::StrAppend(&report, "  reproduce: LOCKSTEP_SEED=", seed,
                      " (or Settings().Seed(", seed, ") in code)\n");
    }
  }
  if (!error.empty())
    absl::StrAppend(&report, "lockstep: '", name, "': ", error, "\n");
  if (!failures.empty() && !shrink_stop_reason.empty()) {
    absl::StrAppend(&report, "lockstep: '", name, "': shrinking stopped (",
                    shrink_stop_reason, ") after ", shrink_calls, " calls\n");
  }
  for (const std::string& problem : database_problems) {
    absl::StrAppend(&report, "lockstep: '", name,
                    "': example database: ", problem, "\n");
  }
  return report;
}

std::string Result::Statistics(const std::string& name) const {
  std::string out =
      absl::StrCat("lockstep: '", name, "' ", passed ? "passed" : "failed",
                   ": ", test_cases_run, " valid cases, ", invalid_cases,
                   " invalid, ", repeats, " repeats, ", overruns, " overruns");
  if (explicit_examples > 0) {
    absl::StrAppend(&out, ", ", explicit_examples, " explicit examples");
  }
  if (replayed > 0) {
    absl::StrAppend(&out, ", ", replayed, " replayed from the database");
  }
  absl::StrAppend(&out, absl::StrFormat(" in %.2fs", seconds), " (seed ", seed,
                  ")\n");
  if (!stop_reason.empty()) {
    absl::StrAppend(&out, "  generation stopped: ", stop_reason, "\n");
  }
  if (!events.empty()) {
    absl::StrAppend(&out, "  events, of ", generated_cases,
                    " generated cases:");
    const char* separator = " ";
    for (const auto& [label, cases] : events) {
      double share = generated_cases == 0 ? 0 : 100.0 * cases / generated_cases;
      absl::StrAppend(&out, separator, absl::StrFormat("%.1f%%", share), " ",
                      label);
      separator = "; ";
    }
    absl::StrAppend(&out, "\n");
  }
  for (const auto& [label, event] : numeric_events) {
    absl::StrAppend(
        &out, "  ", label,
        absl::StrFormat(": min %g, mean %g, max %g", event.min,
                        event.cases == 0 ? 0 : event.sum / event.cases,
                        event.max),
        " (", event.cases, " cases)\n");
  }
  if (shrink_calls > 0 || !shrink_stop_reason.empty()) {
    absl::StrAppend(&out, "  shrinking: ", shrink_calls, " calls, stopped (",
                    shrink_stop_reason, ")\n");
  }
  absl::StrAppend(
      &out, "  example database: ", database.empty() ? "off" : database, "\n");
  for (const std::string& problem : database_problems) {
    absl::StrAppend(&out, "  example database problem: ", problem, "\n");
  }
  return out;
}

}  // namespace lockstep
