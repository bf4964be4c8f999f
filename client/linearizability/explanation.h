// What a failed linearizability check prints: the history per thread, the
// longest prefix that some order explains, and why each operation that
// could go next does not fit after it.
#ifndef LOCKSTEP_CLIENT_LINEARIZABILITY_EXPLANATION_H_
#define LOCKSTEP_CLIENT_LINEARIZABILITY_EXPLANATION_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "client/linearizability/history.h"

namespace lockstep::linearizability::internal {

// `longest`: the operations of the longest linearizable prefix, in order.
// `blocked`: each operation that may go next after it (by real time), with
// the model's reason it does not fit there.
std::string ExplainNotLinearizable(
    const std::vector<Operation>& history, const std::vector<size_t>& longest,
    const std::vector<std::pair<size_t, std::string>>& blocked);

}  // namespace lockstep::linearizability::internal

#endif  // LOCKSTEP_CLIENT_LINEARIZABILITY_EXPLANATION_H_
