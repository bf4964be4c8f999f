// The concurrent stateful tests of the example systems, each a function a
// property body calls: it draws one scenario and runs it (repeats times)
// on the given version of the system. The tests pin what each finds.
#ifndef LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_SCENARIOS_H_
#define LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_SCENARIOS_H_

#include <cstddef>
#include <string>

#include "client/concurrent/scenario_shape.h"
#include "client/test_case.h"
#include "examples/concurrent_stateful/counter.h"

namespace examples {

// Increment, Add(1..3) and Get against an int.
void CounterScenario(lockstep::TestCase& tc, CounterKind kind,
                     const lockstep::concurrent::ScenarioShape& shape =
                         lockstep::concurrent::ScenarioShape());
// Push(0..9), Pop and Size against a deque (`slow_calls`: see
// SizedQueue).
void QueueScenario(lockstep::TestCase& tc, bool size_race,
                   const lockstep::concurrent::ScenarioShape& shape =
                       lockstep::concurrent::ScenarioShape(),
                   bool slow_calls = false);

// The scenario table of a failure's message: the lines after "  scenario:"
// up to the checker's verdict ("" when there is none).
std::string ScenarioOf(const std::string& message);

// The operations in a scenario table, by part.
struct ScenarioSize {
  size_t prefix = 0;
  size_t threads = 0;   // columns
  size_t parallel = 0;  // operations in all columns
  size_t suffix = 0;
};
ScenarioSize SizeOf(const std::string& table);

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_CONCURRENT_STATEFUL_SCENARIOS_H_
