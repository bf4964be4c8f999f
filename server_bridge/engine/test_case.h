// What the engine asks of a test (a directive) and what one run of the test
// reports back (an outcome). The gRPC service carries these between the
// engine and a client; unit tests call a TestFunction directly.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_CASE_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_CASE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "server_bridge/engine/choice.h"

namespace lockstep::engine {

enum class Phase { kReplay, kGenerate, kTarget, kShrink, kFinal };

// How a client runs one test case: replay `prefix`, then draw the rest at
// random from `seed` (random_tail) or take the simplest value for each draw;
// a draw past `max_choices` ends the case as an overrun.
struct Directive {
  uint64_t case_id = 0;
  Phase phase = Phase::kGenerate;
  ChoiceSequence prefix;
  uint64_t seed = 0;
  bool random_tail = true;
  uint32_t max_choices = 8192;
};

enum class Status {
  kOverrun,      // needed more choices than allowed
  kInvalid,      // rejected by an assumption / filter
  kValid,        // passed
  kInteresting,  // failed
};

// A labelled range of choices [start, end): one generator's draws.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string label;
  uint32_t depth = 0;
};

struct Target {
  std::string label;
  double score = 0;
};

struct Outcome {
  Status status = Status::kValid;
  ChoiceSequence choices;  // every choice the run drew, in order
  std::vector<Span> spans;
  // Where a failure came from (file:line, or an exception type): distinct
  // origins are distinct bugs, shrunk and reported separately.
  std::string origin;
  std::string message;
  std::vector<Target> targets;
};

using TestFunction = std::function<Outcome(const Directive&)>;

const char* PhaseName(Phase phase);
const char* StatusName(Status status);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_CASE_H_
