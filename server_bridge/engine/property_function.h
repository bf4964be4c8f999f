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

#include "server_bridge/engine/choice_source.h"
#include "server_bridge/engine/test_case.h"

namespace lockstep::engine {

struct PropertyFailure {
  std::string origin;
  std::string message;
};
struct PropertyRejected {};

inline TestFunction PropertyFunction(std::function<void(ChoiceSource&)> body) {
  return [body = std::move(body)](const Directive& directive) {
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
  };
}

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_PROPERTY_FUNCTION_H_
