// The concurrent stateful tests of the five structures in structures.h:
// each function draws one scenario from `tc` and runs it on the racy or the
// correct twin, in the given mode (controlled by default). The tests pin
// what each finds.
#ifndef LOCKSTEP_EXAMPLES_CONCURRENT_SCENARIOS_H_
#define LOCKSTEP_EXAMPLES_CONCURRENT_SCENARIOS_H_

#include <cstddef>
#include <string>

#include "client/concurrent/concurrent_state_machine.h"
#include "client/concurrent/scenario_shape.h"
#include "client/test_case.h"

namespace examples::concurrent {

enum class Structure { kQueue, kCounter, kLruCache, kStripedMap, kRingBuffer };

struct Options {
  lockstep::concurrent::RunMode mode =
      lockstep::concurrent::RunMode::kControlled;
  lockstep::concurrent::ScenarioShape shape;
  lockstep::sync::ScheduleOptions schedule;
};

void RunScenario(lockstep::TestCase& tc, Structure structure, bool racy,
                 const Options& options = Options());

// The scenario table of a failure's message: the lines after "  scenario:"
// up to the interleaving (or the checker's verdict).
std::string ScenarioOf(const std::string& message);
// The interleaving line of a controlled failure's message ("" if none).
std::string InterleavingOf(const std::string& message);

struct ScenarioSize {
  size_t prefix = 0;
  size_t threads = 0;   // columns
  size_t parallel = 0;  // operations in all columns
  size_t suffix = 0;
  size_t total() const { return prefix + parallel + suffix; }
};
ScenarioSize SizeOf(const std::string& table);

}  // namespace examples::concurrent

#endif  // LOCKSTEP_EXAMPLES_CONCURRENT_SCENARIOS_H_
