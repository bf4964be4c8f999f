// What a property test found: its failures with their minimal examples, the
// run's statistics, and anything that kept it from running properly.
#ifndef LOCKSTEP_CLIENT_RESULT_H_
#define LOCKSTEP_CLIENT_RESULT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "client/test_case.h"

namespace lockstep {

struct Failure {
  std::string message;
  std::string origin;  // "file.cc:42", or the exception's type
  // The minimal example for humans: one `name = value` line per top-level
  // draw, then the notes.
  std::string example;
  std::vector<DrawnValue> draws;
  std::vector<std::string> notes;
  // 1-based when an explicit example failed (it is reported as given, not
  // shrunk); 0 for a failure the search found.
  size_t explicit_example = 0;
  // The minimal example did not fail again when replayed.
  bool flaky = false;
};

// A numeric event's values over the generated cases that recorded it.
struct NumericEvent {
  uint64_t cases = 0;
  double min = 0;
  double max = 0;
  double sum = 0;
};

struct Result {
  bool passed = false;
  std::vector<Failure> failures;  // distinct bugs, by origin
  // Set when the test could not run properly: bad settings, a usage error,
  // the engine died or misbehaved, a health check failed.
  std::string error;

  // Statistics (printed at verbosity >= 1, see Statistics()).
  uint64_t test_cases_run = 0;  // valid cases
  uint64_t invalid_cases = 0;   // rejected by Assume or a filter
  uint64_t overruns = 0;        // drew more than the engine allows
  uint64_t repeats = 0;         // generated cases that repeated earlier ones
  uint64_t replayed = 0;        // saved failures replayed from the database
  uint64_t explicit_examples = 0;
  uint64_t generated_cases = 0;  // run by this client while generating
  // Why generation stopped ("ran the 100 valid cases asked for", ...).
  std::string stop_reason;
  uint64_t shrink_calls = 0;
  std::string shrink_stop_reason;  // "fixed point", "call budget", ...
  double seconds = 0;              // the whole test, wall time
  // Generated cases per TestCase::Event label, and numeric events.
  std::map<std::string, uint64_t> events;
  std::map<std::string, NumericEvent> numeric_events;

  uint64_t seed = 0;     // LOCKSTEP_SEED=seed reruns the same search
  std::string database;  // the example database directory, "" when off
  // Saved examples that could not be read or written (the test still ran).
  std::vector<std::string> database_problems;

  // The first failure, for convenience (empty if none).
  const Failure& failure() const;
  // A report for humans: failures with their examples and how to reproduce
  // them, errors, database problems, and why shrinking stopped.
  std::string Report(const std::string& name) const;
  // The run's statistics (Hypothesis's --hypothesis-show-statistics): cases
  // run, invalid, repeats, time, events, and why generation stopped.
  std::string Statistics(const std::string& name) const;
};

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_RESULT_H_
