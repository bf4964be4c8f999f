// The environment's layer of settings (settings.h): the variables a user
// sets to reproduce a failure or change a run without editing the test,
// under plain execution (`LOCKSTEP_SEED=7 ./my_test`) or Bazel
// (`bazel test //pkg:my_test --test_env=LOCKSTEP_SEED=7`).
//
//   LOCKSTEP_SEED          an unsigned 64-bit seed, as a failure prints it
//   LOCKSTEP_TEST_CASES    valid cases per test, at least 1
//   LOCKSTEP_DATABASE      the example database directory, or "off"
//   LOCKSTEP_VERBOSITY     0, 1 or 2 (see Settings::verbosity)
//   LOCKSTEP_DERANDOMIZE   1/true/yes or 0/false/no
//   LOCKSTEP_MAX_STEPS     steps per stateful program, at least 1
//   LOCKSTEP_PROFILE       a profile's name (profiles.h)
//   LOCKSTEP_ISOLATE       1/true/yes or 0/false/no (Settings::isolate)
//   LOCKSTEP_CASE_DEADLINE an isolated case's deadline, more than 0: a
//                          duration (2s, 500ms, 1m30s) or plain seconds
//                          (Settings::case_deadline)
//
// A value that cannot be used (LOCKSTEP_TEST_CASES=abc, an empty value) is
// an error naming the variable: the test fails rather than run with
// settings the user did not ask for.
#ifndef LOCKSTEP_CLIENT_ENVIRONMENT_H_
#define LOCKSTEP_CLIENT_ENVIRONMENT_H_

#include "absl/status/statusor.h"
#include "client/settings.h"

namespace lockstep {

inline constexpr char kSeedVariable[] = "LOCKSTEP_SEED";
inline constexpr char kTestCasesVariable[] = "LOCKSTEP_TEST_CASES";
inline constexpr char kDatabaseVariable[] = "LOCKSTEP_DATABASE";
inline constexpr char kVerbosityVariable[] = "LOCKSTEP_VERBOSITY";
inline constexpr char kDerandomizeVariable[] = "LOCKSTEP_DERANDOMIZE";
inline constexpr char kMaxStepsVariable[] = "LOCKSTEP_MAX_STEPS";
inline constexpr char kProfileVariable[] = "LOCKSTEP_PROFILE";
inline constexpr char kIsolateVariable[] = "LOCKSTEP_ISOLATE";
inline constexpr char kCaseDeadlineVariable[] = "LOCKSTEP_CASE_DEADLINE";

// The settings the environment sets (fields it does not mention are unset),
// or an InvalidArgument error naming the first variable that is malformed.
absl::StatusOr<Settings> SettingsFromEnvironment(
    const Environment& environment);

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_ENVIRONMENT_H_
