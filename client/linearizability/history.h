// A concurrent history: what each operation was, on which thread, and when
// it was invoked and when it returned (nanoseconds on one monotonic clock).
// The checker (checker.h) decides whether some order of the operations that
// respects real time (an operation that returned before another was invoked
// comes first) explains every result; this file holds the parts that need
// no model: validation and the per-thread timeline a failure prints.
#ifndef LOCKSTEP_CLIENT_LINEARIZABILITY_HISTORY_H_
#define LOCKSTEP_CLIENT_LINEARIZABILITY_HISTORY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace lockstep::linearizability {

// One completed operation, as recorded. A plain value.
struct Operation {
  std::string thread;    // who ran it: "thread 1", "main"
  int64_t invoked = 0;   // ns, monotonic clock
  int64_t returned = 0;  // ns, same clock; >= invoked
  std::string call;      // printed: "Push(3)"
  std::string result;    // printed; "" when it returns nothing
};

// InvalidArgument naming the first operation that returned before it was
// invoked; OK otherwise.
absl::Status ValidateHistory(const std::vector<Operation>& history);

// Whether `a` must come before `b` in every linearization: it returned
// before `b` was invoked. Operations whose intervals touch overlap.
inline bool HappensBefore(const Operation& a, const Operation& b) {
  return a.returned < b.invoked;
}

// `Call() -> result` (or just the call when it returns nothing).
std::string Describe(const Operation& operation);

// The history grouped by thread (threads in order of first appearance),
// each operation with its interval in microseconds from the first
// invocation:
//
//   thread 1:
//     [     0.0,    812.4]  Increment() -> 1
//   thread 2:
//     [     3.1,    815.0]  Increment() -> 1
std::string FormatTimeline(const std::vector<Operation>& history);

}  // namespace lockstep::linearizability

#endif  // LOCKSTEP_CLIENT_LINEARIZABILITY_HISTORY_H_
