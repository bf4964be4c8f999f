// Running a test body for a directive, the same way on every side: how the
// body's end (return, rejection, overrun, failure, any exception) becomes an
// outcome, and the one loop that runs a generation batch (PROTOCOL.md
// "Generation batches"). The client runs property bodies with it; the
// engine's tests run in-process bodies with it.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CASE_RUNNER_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CASE_RUNNER_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/functional/function_ref.h"
#include "server_bridge/protocol/case_exceptions.h"
#include "server_bridge/protocol/choice_source.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::protocol {

// A body that draws from a ChoiceSource and ends by returning (the case
// passed) or by throwing.
using CaseBody = std::function<void(ChoiceSource&)>;
// The same, borrowed for one call (no copy, no allocation: these run once
// per test case).
using CaseBodyRef = absl::FunctionRef<void(ChoiceSource&)>;

// Runs `body` once, drawing from `source`, and says how it ended: valid on
// return; invalid on CaseRejected; overrun on Overrun; interesting on
// CaseFailure (its origin and message), on any other std::exception (origin
// its type) and on anything else thrown. The choices and spans stay in
// `source`, for the caller to copy or summarize.
Outcome RunBody(CaseBodyRef body, ChoiceSource& source);

// One case, as `directive` says (not a batch): the outcome with its choices
// and spans.
Outcome RunCase(CaseBodyRef body, const Directive& directive);

// Runs one case of a batch on `source` and returns its outcome (status,
// origin, message, targets) with the choices and spans left in `source`.
using BatchCase = absl::FunctionRef<Outcome(ChoiceSource&)>;
// Takes the next outcome of a batch (to copy or move from); false when the
// answer is full and the batch should stop.
using BatchAnswer = absl::FunctionRef<bool(Outcome&)>;

// A generation batch: up to min(batch.batch_size, max_cases) cases, case i
// drawing from the i-th of BatchSeeds(batch.seed) after replaying
// batch.case_prefixes[i] if there is one, each handed to `answer`
// whole (with spans only when it failed: the engine needs them only to
// shrink) or summarized, as SendBatchedRunWhole says; it stops after a
// failing case or when `answer` is full. Runs at least one case.
void RunBatch(const Directive& batch, uint32_t max_cases, BatchCase run_case,
              BatchAnswer answer);

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CASE_RUNNER_H_
