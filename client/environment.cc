#include "client/environment.h"

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace lockstep {
namespace {

absl::Status Malformed(const char* variable, const std::string& value,
                       const std::string& wanted) {
  return absl::InvalidArgumentError(
      absl::StrCat(variable, "='", value, "' cannot be used: ", wanted,
                   " (unset it to use the test's own setting)"));
}

}  // namespace

absl::StatusOr<Settings> SettingsFromEnvironment(
    const Environment& environment) {
  Settings settings;
  if (std::optional<std::string> value = environment(kSeedVariable)) {
    uint64_t seed = 0;
    if (!absl::SimpleAtoi(*value, &seed) || value->front() == '-') {
      return Malformed(kSeedVariable, *value,
                       "give an unsigned 64-bit integer, as a failing test "
                       "prints it");
    }
    settings.seed = seed;
  }
  if (std::optional<std::string> value = environment(kTestCasesVariable)) {
    uint32_t cases = 0;
    if (!absl::SimpleAtoi(*value, &cases) || value->front() == '-' ||
        cases == 0) {
      return Malformed(kTestCasesVariable, *value,
                       "give a whole number of cases from 1 to 4294967295");
    }
    settings.test_cases = cases;
  }
  if (std::optional<std::string> value = environment(kDatabaseVariable)) {
    if (value->empty()) {
      return Malformed(kDatabaseVariable, *value,
                       "give a directory (absolute under bazel test), or "
                       "'off'");
    }
    settings.database = *value;
  }
  if (std::optional<std::string> value = environment(kVerbosityVariable)) {
    int verbosity = -1;
    if (!absl::SimpleAtoi(*value, &verbosity) || verbosity < 0 ||
        verbosity > 2) {
      return Malformed(kVerbosityVariable, *value, "give 0, 1 or 2");
    }
    settings.verbosity = verbosity;
  }
  if (std::optional<std::string> value = environment(kDerandomizeVariable)) {
    bool derandomize = false;
    if (!absl::SimpleAtob(*value, &derandomize)) {
      return Malformed(kDerandomizeVariable, *value,
                       "give 1, true, yes or 0, false, no");
    }
    settings.derandomize = derandomize;
  }
  if (std::optional<std::string> value = environment(kMaxStepsVariable)) {
    uint32_t steps = 0;
    if (!absl::SimpleAtoi(*value, &steps) || value->front() == '-' ||
        steps == 0) {
      return Malformed(kMaxStepsVariable, *value,
                       "give a whole number of steps from 1 to 4294967295");
    }
    settings.max_steps = steps;
  }
  if (std::optional<std::string> value = environment(kIsolateVariable)) {
    bool isolate = false;
    if (!absl::SimpleAtob(*value, &isolate)) {
      return Malformed(kIsolateVariable, *value,
                       "give 1, true, yes or 0, false, no");
    }
    settings.isolate = isolate;
  }
  if (std::optional<std::string> value = environment(kCaseDeadlineVariable)) {
    // Plain seconds as well as absl's durations: "2" is read as 2 s, which
    // is what a user who leaves the unit off means.
    absl::Duration deadline;
    double seconds = 0;
    bool parsed = false;
    if (absl::SimpleAtod(*value, &seconds)) {
      deadline = absl::Seconds(seconds);
      parsed = true;
    } else {
      parsed = absl::ParseDuration(*value, &deadline);
    }
    if (!parsed || !(deadline > absl::ZeroDuration()) ||
        deadline == absl::InfiniteDuration()) {
      return Malformed(kCaseDeadlineVariable, *value,
                       "give a duration over 0 such as 2s, 500ms or 1m30s, "
                       "or a number of seconds");
    }
    settings.case_deadline = deadline;
  }
  return settings;
}

}  // namespace lockstep
