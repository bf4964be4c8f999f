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
#include "server_bridge/engine/random.h"

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
  // Above 0: a generation batch. The client runs up to this many cases on its
  // own, case i drawing at random (no prefix) from the i-th seed of
  // BatchSeeds(seed), and answers them all at once, which saves a round trip
  // per case.
  uint32_t batch_size = 0;
};

// The seeds of a batch's cases: SplitMix64(batch_seed).Next(), in order.
class BatchSeeds {
 public:
  explicit BatchSeeds(uint64_t batch_seed) : random_(batch_seed) {}
  uint64_t Next() { return random_.Next(); }

 private:
  SplitMix64 random_;
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
  // A batched run may come back summarized when it neither failed nor
  // reported a target: `choices` and `spans` are then empty, `digest`
  // identifies its choice sequence (equal sequences, equal digests) and
  // `choice_count` is its length. Sending 1,000 choices for every passing
  // case of a draw-heavy test would cost more than running it.
  bool summarized = false;
  uint64_t digest = 0;
  uint32_t choice_count = 0;
};

// Runs one case.
using TestFunction = std::function<Outcome(const Directive&)>;
// Runs a generation batch (Directive::batch_size cases): one outcome per
// case, in order, stopping early only after a failing case.
using BatchFunction = std::function<std::vector<Outcome>(const Directive&)>;

// Whether a batched run must be sent whole (failures and targeted runs are
// what the engine shrinks and climbs from), and whether it is worth it
// otherwise: short runs are recorded in the engine's tree, which is how it
// knows when a small search space is exhausted.
inline constexpr uint32_t kMaxChoicesOfWholeBatchedRun = 32;
bool SendBatchedRunWhole(Status status, size_t choices, bool has_targets);

const char* PhaseName(Phase phase);
const char* StatusName(Status status);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_CASE_H_
