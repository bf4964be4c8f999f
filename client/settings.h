// How a property runs. A `Settings` is a set of overrides: every field is
// optional, and an unset field takes its value from the layer below. The
// layers, highest first:
//
//   1. the environment: LOCKSTEP_SEED, LOCKSTEP_TEST_CASES, LOCKSTEP_DATABASE,
//      LOCKSTEP_VERBOSITY, LOCKSTEP_DERANDOMIZE, LOCKSTEP_MAX_STEPS,
//      LOCKSTEP_ISOLATE, LOCKSTEP_CASE_DEADLINE
//      (environment.h);
//   2. the test's own settings (LOCKSTEP_TEST_S, or Check's argument);
//   3. the profile named by LOCKSTEP_PROFILE (profiles.h): "dev" by default,
//      "ci" when CI is set;
//   4. the defaults (ResolvedSettings below).
//
// So a failing test is reproduced, or a CI run made longer, without editing
// the test. Build settings fluently:
//
//   lockstep::Settings().TestCases(1000).Derandomize(true)
#ifndef LOCKSTEP_CLIENT_SETTINGS_H_
#define LOCKSTEP_CLIENT_SETTINGS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "client/explicit_example.h"
#include "server_bridge/protocol/defaults.h"

namespace lockstep {

// The `database` value that turns the example database off (also accepted
// as LOCKSTEP_DATABASE=off).
inline constexpr char kNoDatabase[] = "off";

// Settings::max_steps when nothing sets it (Hypothesis's default too).
inline constexpr uint32_t kDefaultMaxSteps = 50;

struct Settings {
  // Valid cases to run before the test passes.
  std::optional<uint32_t> test_cases;
  // Generate from this seed (a failure's report prints it).
  std::optional<uint64_t> seed;
  // Without a seed, derive it from the test name, so runs repeat exactly.
  std::optional<bool> derandomize;
  // The example database directory, or kNoDatabase. Relative paths are
  // relative to the working directory; under `bazel test` that is a
  // throwaway sandbox, so give an absolute path (client/README.md).
  std::optional<std::string> database;
  // 0: print nothing for a passing test; 1: statistics for every test and a
  // progress line on long runs; 2: also each phase as it starts.
  std::optional<int> verbosity;
  // Health checks not to fail on: "filter_too_much", "too_slow",
  // "data_too_large".
  std::optional<std::set<std::string>> suppressed_health_checks;
  std::optional<uint64_t> max_shrink_calls;
  std::optional<double> max_shrink_seconds;
  // Generated sizes (collection lengths, recursion depth) ramp from small to
  // the generators' maxima over this many cases, then start over; never
  // over more than test_cases. 1: every case at full size.
  std::optional<uint32_t> size_cycle;
  // At verbosity >= 1, a progress line after this long and every time as
  // long again.
  std::optional<double> progress_seconds;
  // The engine binary; unset finds it (LOCKSTEP_ENGINE, then the runfiles).
  std::optional<std::string> engine_path;
  // How long to wait for the engine before failing the test.
  std::optional<double> engine_timeout_seconds;
  // Stateful tests (stateful.h): the most steps in one generated program.
  std::optional<uint32_t> max_steps;
  // Run every case in a forked child of the test process (LOCKSTEP_ISOLATE):
  // a crash, a hang past case_deadline or a sanitizer report is then a
  // failure like any other, found, shrunk, saved and replayed. Costs a fork
  // per case (tools/bench/README.md).
  std::optional<bool> isolate;
  // An isolated case running longer than this is killed and fails as a
  // hang (default 10 s; LOCKSTEP_CASE_DEADLINE).
  std::optional<absl::Duration> case_deadline;
  // Explicit examples, run first on every run (Hypothesis's @example). Only
  // a test's own examples run: profiles and the environment add none.
  std::vector<::lockstep::Example> examples;

  Settings& TestCases(uint32_t n) {
    test_cases = n;
    return *this;
  }
  Settings& Seed(uint64_t s) {
    seed = s;
    return *this;
  }
  Settings& Derandomize(bool d = true) {
    derandomize = d;
    return *this;
  }
  Settings& Database(std::string directory) {
    database = std::move(directory);
    return *this;
  }
  Settings& NoDatabase() { return Database(kNoDatabase); }
  Settings& Verbosity(int v) {
    verbosity = v;
    return *this;
  }
  Settings& SuppressHealthCheck(std::string name) {
    if (!suppressed_health_checks) suppressed_health_checks.emplace();
    suppressed_health_checks->insert(std::move(name));
    return *this;
  }
  Settings& MaxShrinkCalls(uint64_t n) {
    max_shrink_calls = n;
    return *this;
  }
  Settings& MaxShrinkSeconds(double s) {
    max_shrink_seconds = s;
    return *this;
  }
  Settings& SizeCycle(uint32_t cases) {
    size_cycle = cases;
    return *this;
  }
  Settings& ProgressSeconds(double s) {
    progress_seconds = s;
    return *this;
  }
  Settings& MaxSteps(uint32_t n) {
    max_steps = n;
    return *this;
  }
  Settings& EnginePath(std::string path) {
    engine_path = std::move(path);
    return *this;
  }
  Settings& EngineTimeoutSeconds(double s) {
    engine_timeout_seconds = s;
    return *this;
  }
  Settings& Isolate(bool on = true) {
    isolate = on;
    return *this;
  }
  Settings& CaseDeadline(absl::Duration deadline) {
    case_deadline = deadline;
    return *this;
  }
  // One explicit example: a value per draw, in the order the body draws
  // (see explicit_example.h). Settings().Example(3, "abc").Example(0, "")
  template <typename... Values>
  Settings& Example(Values&&... values) {
    examples.push_back(lockstep::Example::Of(std::forward<Values>(values)...));
    return *this;
  }

  // These settings with every field that `over` sets taken from `over`
  // (examples are appended).
  Settings OverriddenBy(const Settings& over) const;
};

// Every setting decided: what a property actually runs with.
struct ResolvedSettings {
  uint32_t test_cases = protocol::kDefaultTestCases;
  std::optional<uint64_t> seed;
  bool derandomize = false;
  // The directory, or std::nullopt when the database is off.
  std::optional<std::string> database;
  int verbosity = 0;
  std::set<std::string> suppressed_health_checks;
  uint64_t max_shrink_calls = protocol::kDefaultMaxShrinkCalls;
  double max_shrink_seconds = protocol::kDefaultMaxShrinkSeconds;
  uint32_t size_cycle = protocol::kDefaultSizeCycle;
  double progress_seconds = 5;
  std::string engine_path;  // "" finds it
  double engine_timeout_seconds = 60;
  uint32_t max_steps = kDefaultMaxSteps;
  bool isolate = false;
  absl::Duration case_deadline = absl::Seconds(10);
  std::vector<::lockstep::Example> examples;
  std::string profile;  // the profile applied
  // Which variables the environment set (e.g. "LOCKSTEP_SEED"), so that a
  // report can say why a setting differs from the test's.
  std::vector<std::string> from_environment;
};

// Reads an environment variable: its value, or std::nullopt when unset.
using Environment = std::function<std::optional<std::string>(const char*)>;

// The process's environment (std::getenv).
Environment ProcessEnvironment();

// Resolves `test` (the test's own settings) through the layers above. An
// environment variable or profile name that cannot be used is an error that
// names it; it is never ignored.
absl::StatusOr<ResolvedSettings> Resolve(
    const Settings& test,
    const Environment& environment = ProcessEnvironment());

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_SETTINGS_H_
