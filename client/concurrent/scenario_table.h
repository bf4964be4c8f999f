// A scenario as people read it: the prefix, then one column per thread,
// then the suffix, each operation with its arguments and the result it
// returned in the run being reported:
//
//   prefix:
//     q.Push(1) -> true
//   thread 1          | thread 2
//   q.Pop() -> 1      | q.Pop() -> 1
//   suffix:
//     q.Size() -> 0
#ifndef LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_TABLE_H_
#define LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_TABLE_H_

#include <string>
#include <vector>

#include "client/linearizability/history.h"

namespace lockstep::concurrent::internal {

// From a run's history (threads named as scenario_run.h names them), each
// line indented by `indent`. Threads that ran nothing are left out.
std::string FormatScenarioTable(
    const std::vector<linearizability::Operation>& history,
    const std::string& indent);

}  // namespace lockstep::concurrent::internal

#endif  // LOCKSTEP_CLIENT_CONCURRENT_SCENARIO_TABLE_H_
