// Adapts a body that draws from a ChoiceSource into the engine's
// TestFunction and BatchFunction, running it the way every client does
// (protocol::RunCase and RunBatch). The engine's own tests use it.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_PROPERTY_FUNCTION_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_PROPERTY_FUNCTION_H_

#include <utility>
#include <vector>

#include "server_bridge/engine/test_function.h"
#include "server_bridge/protocol/case_runner.h"

namespace lockstep::engine {

inline TestFunction PropertyFunction(protocol::CaseBody body) {
  return [body = std::move(body)](const protocol::Directive& directive) {
    return protocol::RunCase(body, directive);
  };
}

// Generation batches, whole: every case the batch asks for (or up to the
// first failure).
inline BatchFunction PropertyBatchFunction(protocol::CaseBody body) {
  return [body = std::move(body)](const protocol::Directive& batch) {
    std::vector<protocol::Outcome> outcomes;
    protocol::RunBatch(
        batch, batch.batch_size,
        [&](protocol::ChoiceSource& source) {
          return protocol::RunBody(body, source);
        },
        [&](protocol::Outcome& outcome) {
          outcomes.push_back(std::move(outcome));
          return true;
        });
    return outcomes;
  };
}

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_PROPERTY_FUNCTION_H_
