// lockstep: property-based testing for C++.
//
//   using namespace lockstep;
//   Result r = Check("sum is small", [](TestCase& tc) {
//     auto v = tc.Draw(gen::Vectors(gen::Integers<int>(0, 100)));
//     LOCKSTEP_ASSERT(std::accumulate(v.begin(), v.end(), 0) < 1000);
//   });
//   if (!r.passed) std::cerr << r.Report("sum is small");
//
// Every Check in the process, on any thread, shares one engine subprocess
// (search, shrinking, the example database) over one connection. A failure
// is shrunk to a minimal example, which is replayed last: a body that
// records what it drew sees the minimal example when Check returns.
#ifndef LOCKSTEP_CLIENT_LOCKSTEP_H_
#define LOCKSTEP_CLIENT_LOCKSTEP_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "client/generators.h"
#include "client/test_case.h"
#include "server_bridge/protocol/case_exceptions.h"
#include "server_bridge/protocol/defaults.h"

namespace lockstep {

struct Settings {
  uint32_t test_cases = protocol::kDefaultTestCases;
  std::optional<uint64_t> seed;  // to reproduce a reported failure
  // Without a seed, derive it from the test name. Defaults to true when the
  // environment has CI set (an environment variable may only add defaults).
  std::optional<bool> derandomize;
  // The example database directory; "" is the default (.lockstep/examples
  // under the working directory); std::nullopt turns it off.
  std::optional<std::string> database = "";
  std::set<std::string> suppressed_health_checks;  // "filter_too_much", ...
  uint64_t max_shrink_calls = protocol::kDefaultMaxShrinkCalls;
  double max_shrink_seconds = protocol::kDefaultMaxShrinkSeconds;
  // The engine binary; "" finds it (LOCKSTEP_ENGINE, then Bazel runfiles).
  std::string engine_path;
  // How long to wait for the engine before failing the test.
  double engine_timeout_seconds = 60;
};

struct Failure {
  std::string message;
  std::string origin;  // "file.cc:42", or the exception's type
  // The minimal example: one line per top-level draw, notes, and how to
  // reproduce it.
  std::string example;
  std::vector<std::string> draws;
  std::vector<std::string> notes;
};

struct Result {
  bool passed = false;
  std::vector<Failure> failures;  // distinct bugs, by origin
  // Set when the test could not run properly: the engine died or
  // misbehaved, a health check failed.
  std::string error;
  uint64_t test_cases_run = 0;
  uint64_t invalid_cases = 0;  // rejected by Assume or a filter
  uint64_t shrink_calls = 0;
  std::string shrink_stop_reason;  // "fixed point", "call budget", ...
  uint64_t seed = 0;
  // Saved examples that could not be read or written (the test still ran).
  std::vector<std::string> database_problems;
  // The first failure, for convenience (empty if none).
  const Failure& failure() const;
  // A report for humans: failures, examples, error, seed.
  std::string Report(const std::string& name) const;
};

// Runs `body` as a property test named `name` (the name keys the example
// database). Thread-safe.
Result Check(const std::string& name,
             const std::function<void(TestCase&)>& body,
             const Settings& settings = Settings());

// Thrown by LOCKSTEP_ASSERT (what() is the message, origin() the file:line);
// any exception fails a case.
using AssertionFailure = protocol::CaseFailure;

}  // namespace lockstep

#define LOCKSTEP_INTERNAL_STR2(x) #x
#define LOCKSTEP_INTERNAL_STR(x) LOCKSTEP_INTERNAL_STR2(x)

// Fails the current case when `condition` is false; the origin is this line.
#define LOCKSTEP_ASSERT(condition)                       \
  do {                                                   \
    if (!(condition)) {                                  \
      throw ::lockstep::AssertionFailure(                \
          "LOCKSTEP_ASSERT(" #condition ") failed",      \
          __FILE__ ":" LOCKSTEP_INTERNAL_STR(__LINE__)); \
    }                                                    \
  } while (false)

#endif  // LOCKSTEP_CLIENT_LOCKSTEP_H_
