// One run of a test, both ways: what the engine asks of a test (a
// directive) and what the run reports back (an outcome). The wire carries
// them (wire.h); the engine's own tests pass them in-process.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_RUN_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_RUN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/defaults.h"
#include "server_bridge/protocol/random.h"

namespace lockstep::protocol {

enum class Phase { kReplay, kGenerate, kTarget, kShrink, kFinal };

// How a client runs one test case: replay `prefix`, then draw the rest at
// random from `seed` (random_tail) or take the simplest value for each draw;
// a draw past `max_choices` ends the case as an overrun.
struct Directive {
  Phase phase = Phase::kGenerate;
  ChoiceSequence prefix;
  uint64_t seed = 0;
  bool random_tail = true;
  uint32_t max_choices = kDefaultMaxChoices;
  // Above 0: a generation batch. The client runs up to this many cases on its
  // own, case i drawing at random (no prefix) from the i-th seed of
  // BatchSeeds(seed), and answers them all at once, which saves a round trip
  // per case.
  uint32_t batch_size = 0;
  // A final replay (Phase::kFinal): the id of the reported failure it
  // replays, so that the client prints its draws with that failure.
  uint32_t failure_id = 0;
  // Run the case(s) in an isolated child (protocol 4): a crash, a hang past
  // the client's case deadline or a sanitizer report becomes a failure
  // whose origin starts with kCrashOriginPrefix.
  bool isolate = false;
  // The size schedule (size_schedule.h): this case's number among the
  // generated cases (a batch's first case; case i of a batch is number
  // case_index + i) and the cases one ramp of sizes takes; 0: no schedule.
  uint32_t size_cycle = 0;
  uint64_t case_index = 0;
  // A steered batch: case i (for i < case_prefixes.size()) replays
  // case_prefixes[i] before drawing at random from its seed, as a single
  // case replays `prefix`. The engine steers a small search space this way,
  // to cases it has not run, many to a round trip.
  std::vector<ChoiceSequence> case_prefixes;
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

// A "uses" span: zero choices wide, labelled "uses <position>", inside a
// collection element (a stateful program's step) that uses a value made by
// the alike element whose span starts at choice <position> (a pool value
// another step made). Such an element cannot outlive its maker, so the
// shrinker deletes a maker together with its users (PROTOCOL.md, "Spans").
inline constexpr char kUsesSpanPrefix[] = "uses ";
std::string UsesSpanLabel(uint32_t maker_start);
// The maker's start if `label` is a "uses" span's label.
std::optional<uint32_t> ParseUsesSpanLabel(std::string_view label);

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

// Whether a batched run must be sent whole: failures and targeted runs are
// what the engine shrinks and climbs from, and short runs whose every choice
// has few values (Enumerable) go into the engine's tree, which is how it
// knows when a small search space is exhausted. Any other run is summarized:
// the engine only needs to know whether it was new.
inline constexpr uint32_t kMaxChoicesOfWholeBatchedRun = 32;
bool SendBatchedRunWhole(Status status, const ChoiceSequence& choices,
                         bool has_targets);
// Makes `outcome` the summary of a run of `choices`: their digest and
// number, and no choices or spans.
void Summarize(const ChoiceSequence& choices, Outcome* outcome);

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_RUN_H_
