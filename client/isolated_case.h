// Isolation mode (Settings::isolate, and every case the engine asks to run
// isolated, such as a crash record's replay): one case runs in a forked
// child of the test process, so that whatever ends it -- a signal, exit(),
// std::terminate, a hang past the case deadline, a sanitizer report -- ends
// only the child and becomes an ordinary failure for the engine to shrink.
//
// The fork happens on the thread running the Check, after the engine
// connection is up; the child touches none of it (it runs the body, writes
// its journal, and leaves with _exit, so no atexit handler, destructor or
// gRPC call runs there). The child's stderr goes to a pipe that the parent
// drains while it waits, keeping the tail for the failure's message.
#ifndef LOCKSTEP_CLIENT_ISOLATED_CASE_H_
#define LOCKSTEP_CLIENT_ISOLATED_CASE_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/time/time.h"
#include "client/case_journal.h"
#include "client/test_case.h"
#include "server_bridge/protocol/choice_source.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::internal {

// Owned by the thread running one Check.
class CaseIsolator {
 public:
  explicit CaseIsolator(absl::Duration deadline) : deadline_(deadline) {}

  struct Run {
    // Status, origin, message and targets; the choices and spans are left
    // in the parent's source.
    protocol::Outcome outcome;
    std::string usage_error;
    std::vector<DrawnValue> draws;  // final runs
    std::vector<std::string> notes;
  };

  // Forks; the child calls `in_child` (which runs the body on its copy of
  // `source`, journalling to the journal it is given, and ends with the
  // journal's Finish) and exits. The parent
  // waits up to the deadline, then replays the child's draws into `source`.
  Run RunCase(absl::FunctionRef<void(CaseJournal*)> in_child,
              protocol::ChoiceSource& source);

 private:
  const absl::Duration deadline_;
  CaseJournal journal_;
};

// How a child that did not finish ended, as a failure: its origin (starting
// with protocol::kCrashOriginPrefix) and message. `wait_status` is
// waitpid's; `hung` when the deadline killed it; `stderr_tail` its last
// output. Exposed for tests.
protocol::Outcome CrashOutcome(int wait_status, bool hung,
                               absl::Duration deadline,
                               const std::string& stderr_tail);
// The sanitizer report in `output`, as "AddressSanitizer: SEGV" (from its
// SUMMARY line, else its headline), or "" when there is none.
std::string SanitizerReport(const std::string& output);

}  // namespace lockstep::internal

#endif  // LOCKSTEP_CLIENT_ISOLATED_CASE_H_
