// What the engine asks of a test (a directive) and what one run of the test
// reports back (an outcome). The gRPC service carries these between the
// engine and a client; unit tests call a TestFunction directly.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_CASE_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_CASE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <utility>
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
// case, in order; it may stop early (after a failing case, or to keep its
// answer small) but runs at least one.
using BatchFunction = std::function<std::vector<Outcome>(const Directive&)>;

// Runs generation batches with up to kMaxInFlight started at once, so that a
// client runs one while the engine reads the outcomes of the other. Called
// only by its Engine's thread.
class BatchRunner {
 public:
  static constexpr size_t kMaxInFlight = 2;

  virtual ~BatchRunner() = default;
  virtual void Start(const Directive& batch) = 0;
  // The outcomes of the oldest batch started and not yet finished.
  virtual std::vector<Outcome> Finish() = 0;
};

// A BatchRunner over a BatchFunction: Finish runs the oldest started batch.
// Owned by the thread running its Engine; not shared.
class SyncBatchRunner : public BatchRunner {
 public:
  explicit SyncBatchRunner(BatchFunction run) : run_(std::move(run)) {}
  void Start(const Directive& batch) override { started_.push_back(batch); }
  std::vector<Outcome> Finish() override {
    Directive batch = std::move(started_.front());
    started_.pop_front();
    return run_(batch);
  }

 private:
  BatchFunction run_;
  std::deque<Directive> started_;
};

// Whether a batched run must be sent whole: failures and targeted runs are
// what the engine shrinks and climbs from, and short runs whose every choice
// has few values (DataTree::Enumerable) go into the engine's tree, which is
// how it knows when a small search space is exhausted. Any other run is
// summarized: the engine only needs to know whether it was new.
inline constexpr uint32_t kMaxChoicesOfWholeBatchedRun = 32;
bool SendBatchedRunWhole(Status status, const ChoiceSequence& choices,
                         bool has_targets);
// Makes `outcome` the summary of a run of `choices`: their digest and
// number, and no choices or spans.
void Summarize(const ChoiceSequence& choices, Outcome* outcome);

const char* PhaseName(Phase phase);
const char* StatusName(Status status);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_CASE_H_
