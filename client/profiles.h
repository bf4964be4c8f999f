// Named settings profiles, chosen by LOCKSTEP_PROFILE without editing a test
// (Hypothesis's settings profiles). Three are built in:
//
//   dev       the defaults (the profile when neither LOCKSTEP_PROFILE nor CI
//             is set)
//   ci        derandomized: every run of a test draws the same cases (the
//             profile when CI is set)
//   thorough  1,000 cases and ten times the shrinking budget
//
// Register your own (or replace a built-in one) at namespace scope:
//
//   static const bool kNightly = lockstep::RegisterProfile(
//       "nightly", lockstep::Settings().TestCases(20000));
//
// A profile lies under the test's own settings, and the environment lies
// over both (settings.h).
#ifndef LOCKSTEP_CLIENT_PROFILES_H_
#define LOCKSTEP_CLIENT_PROFILES_H_

#include <optional>
#include <string>
#include <vector>

#include "client/settings.h"

namespace lockstep {

// Registers `settings` as the profile `name`, replacing any of that name.
// Thread-safe. Returns true, to initialize a static with.
bool RegisterProfile(const std::string& name, Settings settings);

// The profile `name`, or std::nullopt if there is none.
std::optional<Settings> FindProfile(const std::string& name);

// The registered profiles' names, sorted.
std::vector<std::string> ProfileNames();

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_PROFILES_H_
