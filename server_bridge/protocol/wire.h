// Test cases on the wire (engine.proto): directives one way, run results the
// other, and the answer to a generation batch. Both ends of the protocol
// convert with these, so both validate the same way.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_WIRE_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_WIRE_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "server_bridge/proto/engine.pb.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::protocol {

engine::v1::Directive ToWire(const Directive& directive);
// Fails, naming the choice, for a prefix choice that violates its own
// constraints (a malformed directive).
absl::StatusOr<Directive> DirectiveFromWire(const engine::v1::Directive& wire);

engine::v1::RunResult ToWire(const Outcome& outcome);
// Fails, naming the problem, for a result whose choices violate their
// constraints, whose spans point outside the choices, or that has more than
// `max_choices` choices.
// Outside a batch (`in_batch` false) a result may not be summarized or
// hold runs.
absl::StatusOr<Outcome> OutcomeFromWire(const engine::v1::RunResult& wire,
                                        uint32_t max_choices,
                                        bool in_batch = false);

// The answer to a generation batch: one outcome per run in `wire.runs`.
// Fails, naming the run, for no runs, more runs than `batch_size`, a run that
// OutcomeFromWire refuses, or a summarized run that failed, reported targets
// or still carries choices.
absl::StatusOr<std::vector<Outcome>> BatchFromWire(
    const engine::v1::RunResult& wire, uint32_t batch_size,
    uint32_t max_choices);

// Builds the answer to a generation batch, one run per outcome added, and
// says when it is full: past kMaxBatchAnswerBytes, well under gRPC's 4 MiB
// message limit (the engine asks again for the cases it did not get).
class BatchAnswerBuilder {
 public:
  static constexpr size_t kMaxBatchAnswerBytes = 1 << 20;

  // Adds `outcome` as the next run; false once the answer is full.
  bool Add(const Outcome& outcome);
  // The answer so far; the builder is empty afterwards.
  engine::v1::RunResult Take() { return std::move(answer_); }

 private:
  // What a summarized run costs in an answer, near enough: measuring each
  // one would cost more than the estimate saves.
  static constexpr size_t kSummarizedRunBytes = 24;

  engine::v1::RunResult answer_;
  size_t bytes_ = 0;
};

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_WIRE_H_
