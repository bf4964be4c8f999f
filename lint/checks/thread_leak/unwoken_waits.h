// concurrency-thread-leak, option UnwokenWaits: a destructor that joins a
// thread blocked in a wait that nothing before the join wakes.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_UNWOKEN_WAITS_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_UNWOKEN_WAITS_H_

#include "lint/checks/thread_leak/member_threads.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint::thread_leak {

// Reports the destructor's joins of `threads` whose thread can be blocked in
// an untimed wait that nothing on the destructor's path before the join
// notifies or makes true.
void ReportUnwokenWaits(const MemberThreads& threads,
                        TranslationUnitCheck& check);

}  // namespace lockstep::lint::thread_leak

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_UNWOKEN_WAITS_H_
