// Turns a C++ body that draws from a ChoiceSource into a TestFunction: the
// body fails by throwing PropertyFailure (with an origin), rejects a case by
// throwing PropertyRejected, and a draw past the directive's limit ends the
// case as an overrun. Used by the engine's own tests and by in-process
// clients.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_PROPERTY_FUNCTION_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_PROPERTY_FUNCTION_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "server_bridge/engine/choice_source.h"
#include "server_bridge/engine/test_case.h"

namespace lockstep::engine {

struct PropertyFailure {
  std::string origin;
  std::string message;
};
struct PropertyRejected {};

// Runs `body` once under `directive` (a single case).
inline Outcome RunProperty(const std::function<void(ChoiceSource&)>& body,
                           const Directive& directive) {
  ChoiceSource source(directive);
  Outcome outcome;
  try {
    body(source);
    outcome.status = Status::kValid;
  } catch (const PropertyFailure& failure) {
    outcome.status = Status::kInteresting;
    outcome.origin = failure.origin;
    outcome.message = failure.message;
  } catch (const PropertyRejected&) {
    outcome.status = Status::kInvalid;
  } catch (const Overrun&) {
    outcome.status = Status::kOverrun;
  }
  outcome.choices = source.choices();
  outcome.spans = source.FinishedSpans();
  return outcome;
}

inline TestFunction PropertyFunction(std::function<void(ChoiceSource&)> body) {
  return [body = std::move(body)](const Directive& directive) {
    return RunProperty(body, directive);
  };
}

// Runs generation batches the way a client does: case i from the i-th batch
// seed, long passing runs summarized, stopping after a failure.
inline BatchFunction PropertyBatchFunction(
    std::function<void(ChoiceSource&)> body) {
  return [body = std::move(body)](const Directive& batch) {
    std::vector<Outcome> outcomes;
    BatchSeeds seeds(batch.seed);
    Directive one;
    one.phase = Phase::kGenerate;
    one.max_choices = batch.max_choices;
    for (uint32_t i = 0; i < batch.batch_size; ++i) {
      one.seed = seeds.Next();
      Outcome outcome = RunProperty(body, one);
      if (!SendBatchedRunWhole(outcome.status, outcome.choices,
                               !outcome.targets.empty())) {
        ChoiceSequence choices = std::move(outcome.choices);
        Summarize(choices, &outcome);
      }
      bool failed = outcome.status == Status::kInteresting;
      outcomes.push_back(std::move(outcome));
      if (failed) break;
    }
    return outcomes;
  };
}

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_PROPERTY_FUNCTION_H_
