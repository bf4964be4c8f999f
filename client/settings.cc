#include "client/settings.h"

#include <cstdlib>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/environment.h"
#include "client/profiles.h"

namespace lockstep {
namespace {

template <typename T>
void Take(std::optional<T>* field, const std::optional<T>& over) {
  if (over) *field = over;
}

}  // namespace

Settings Settings::OverriddenBy(const Settings& over) const {
  Settings merged = *this;
  Take(&merged.test_cases, over.test_cases);
  Take(&merged.seed, over.seed);
  Take(&merged.derandomize, over.derandomize);
  Take(&merged.database, over.database);
  Take(&merged.verbosity, over.verbosity);
  Take(&merged.suppressed_health_checks, over.suppressed_health_checks);
  Take(&merged.max_shrink_calls, over.max_shrink_calls);
  Take(&merged.max_shrink_seconds, over.max_shrink_seconds);
  Take(&merged.size_cycle, over.size_cycle);
  Take(&merged.progress_seconds, over.progress_seconds);
  Take(&merged.engine_path, over.engine_path);
  Take(&merged.engine_timeout_seconds, over.engine_timeout_seconds);
  Take(&merged.max_steps, over.max_steps);
  Take(&merged.isolate, over.isolate);
  Take(&merged.case_deadline, over.case_deadline);
  merged.examples.insert(merged.examples.end(), over.examples.begin(),
                         over.examples.end());
  return merged;
}

Environment ProcessEnvironment() {
  return [](const char* name) -> std::optional<std::string> {
    // Read only: lockstep never changes the environment.
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

absl::StatusOr<ResolvedSettings> Resolve(const Settings& test,
                                         const Environment& environment) {
  ResolvedSettings resolved;
  std::optional<std::string> profile_name = environment(kProfileVariable);
  if (profile_name) {
    resolved.profile = *profile_name;
  } else {
    std::optional<std::string> ci = environment("CI");
    resolved.profile = ci && !ci->empty() ? "ci" : "dev";
  }
  std::optional<Settings> profile = FindProfile(resolved.profile);
  if (!profile) {
    return absl::InvalidArgumentError(absl::StrCat(
        kProfileVariable, "='", resolved.profile,
        "' names no profile; registered: ", absl::StrJoin(ProfileNames(), ", "),
        " (lockstep::RegisterProfile adds one)"));
  }
  absl::StatusOr<Settings> from_environment =
      SettingsFromEnvironment(environment);
  if (!from_environment.ok()) return from_environment.status();

  // A profile's examples would not fit other tests' draws: only the test's
  // own run.
  profile->examples.clear();
  Settings env_layer = *from_environment;
  Settings merged = profile->OverriddenBy(test).OverriddenBy(env_layer);

  for (const char* name :
       {kSeedVariable, kTestCasesVariable, kDatabaseVariable,
        kVerbosityVariable, kDerandomizeVariable, kMaxStepsVariable,
        kProfileVariable, kIsolateVariable, kCaseDeadlineVariable}) {
    if (environment(name)) resolved.from_environment.push_back(name);
  }
  if (merged.test_cases) resolved.test_cases = *merged.test_cases;
  resolved.seed = merged.seed;
  resolved.derandomize = merged.derandomize.value_or(false);
  if (merged.database) {
    if (*merged.database != kNoDatabase) resolved.database = *merged.database;
  } else if (std::optional<std::string> outputs =
                 environment("TEST_UNDECLARED_OUTPUTS_DIR");
             outputs && !outputs->empty()) {
    // Under bazel test the working directory is a throwaway runfiles tree;
    // a failure saved among the test's outputs at least survives the run
    // (bazel-testlogs/<pkg>/<test>/test.outputs).
    resolved.database = absl::StrCat(*outputs, "/lockstep-examples");
  } else {
    resolved.database = protocol::kDefaultDatabase;
  }
  resolved.verbosity = merged.verbosity.value_or(0);
  if (merged.suppressed_health_checks) {
    resolved.suppressed_health_checks = *merged.suppressed_health_checks;
  }
  if (merged.max_shrink_calls)
    resolved.max_shrink_calls = *merged.max_shrink_calls;
  if (merged.max_shrink_seconds)
    resolved.max_shrink_seconds = *merged.max_shrink_seconds;
  if (merged.size_cycle && *merged.size_cycle > 0) {
    resolved.size_cycle = *merged.size_cycle;
  }
  if (merged.progress_seconds)
    resolved.progress_seconds = *merged.progress_seconds;
  if (merged.engine_path) resolved.engine_path = *merged.engine_path;
  if (merged.engine_timeout_seconds) {
    resolved.engine_timeout_seconds = *merged.engine_timeout_seconds;
  }
  if (merged.max_steps) resolved.max_steps = *merged.max_steps;
  resolved.isolate = merged.isolate.value_or(false);
  if (merged.case_deadline) resolved.case_deadline = *merged.case_deadline;
  resolved.examples = std::move(merged.examples);
  return resolved;
}

}  // namespace lockstep
