// How big a concurrent scenario may be, and how often each one runs: the
// bounds its draws respect (the engine then shrinks within them). The
// defaults follow Lincheck's spirit, kept small because small scenarios
// are where races show and what people can read: up to 2 threads of up to
// 5 operations, up to 2 sequential steps before and after, each scenario
// run 10 times.
//
//   machine.Scenarios(ScenarioShape().Threads(3).OpsPerThread(4).Repeats(20));
#ifndef LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_SHAPE_H_
#define LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_SHAPE_H_

#include <cstdint>

#include "absl/status/status.h"

namespace lockstep::concurrent {

struct ScenarioShape {
  // The most threads in the parallel part; min(2, threads) always run, and
  // each one more is a choice the shrinker can take back.
  uint32_t threads = 2;
  // The most operations each thread runs.
  uint32_t ops_per_thread = 5;
  // The most sequential steps before the threads start, and after they
  // join.
  uint32_t prefix = 2;
  uint32_t suffix = 2;
  // How many times each scenario runs on a fresh system (a failure says in
  // how many of them it was not linearizable). Shrinking runs every
  // candidate as many times.
  uint32_t repeats = 10;

  ScenarioShape& Threads(uint32_t n) {
    threads = n;
    return *this;
  }
  ScenarioShape& OpsPerThread(uint32_t n) {
    ops_per_thread = n;
    return *this;
  }
  ScenarioShape& Prefix(uint32_t n) {
    prefix = n;
    return *this;
  }
  ScenarioShape& Suffix(uint32_t n) {
    suffix = n;
    return *this;
  }
  ScenarioShape& Repeats(uint32_t n) {
    repeats = n;
    return *this;
  }

  // InvalidArgument naming the first bound out of range: threads in
  // [1, 64], ops_per_thread in [1, 100], prefix and suffix at most 100,
  // repeats in [1, 100000].
  absl::Status Validate() const;
};

}  // namespace lockstep::concurrent

#endif  // LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_SHAPE_H_
