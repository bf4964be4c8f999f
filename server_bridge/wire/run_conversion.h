// Conversion of test cases between the engine's types and the wire protocol:
// directives one way, run results the other. Shared by the engine's server
// and by clients, so both sides validate the same way.
#ifndef LOCKSTEP_SERVER_BRIDGE_WIRE_RUN_CONVERSION_H_
#define LOCKSTEP_SERVER_BRIDGE_WIRE_RUN_CONVERSION_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "server_bridge/engine/test_case.h"
#include "server_bridge/proto/engine.pb.h"

namespace lockstep::wire {

engine::v1::Directive ToWire(const engine::Directive& directive);
// Fails, naming the choice, for a prefix choice that violates its own
// constraints (a malformed directive).
absl::StatusOr<engine::Directive> DirectiveFromWire(
    const engine::v1::Directive& wire);

engine::v1::RunResult ToWire(const engine::Outcome& outcome);
// Fails, naming the problem, for a result whose choices violate their
// constraints, whose spans point outside the choices, or that has more than
// `max_choices` choices.
// Outside a batch (`in_batch` false) a result may not be summarized or
// hold runs.
absl::StatusOr<engine::Outcome> OutcomeFromWire(
    const engine::v1::RunResult& wire, uint32_t max_choices,
    bool in_batch = false);

// The answer to a generation batch: one outcome per run in `wire.runs`.
// Fails, naming the run, for no runs, more runs than `batch_size`, a run that
// OutcomeFromWire refuses, or a summarized run that failed, reported targets
// or still carries choices.
absl::StatusOr<std::vector<engine::Outcome>> BatchFromWire(
    const engine::v1::RunResult& wire, uint32_t batch_size,
    uint32_t max_choices);

}  // namespace lockstep::wire

#endif  // LOCKSTEP_SERVER_BRIDGE_WIRE_RUN_CONVERSION_H_
