// concurrency-thread-leak, option UnjoinedLocalThreads: a local std::thread
// that can reach its destructor while still joinable (std::terminate).
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_UNJOINED_LOCAL_THREADS_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_UNJOINED_LOCAL_THREADS_H_

#include "clang/AST/Decl.h"
#include "lint/analysis/translation_unit_index.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint::thread_leak {

// Reports `var` (a local std::thread) when a path leaves its scope with the
// thread still joinable.
void ReportUnjoinedLocalThread(const clang::VarDecl* var,
                               TranslationUnitIndex& index,
                               TranslationUnitCheck& check);

}  // namespace lockstep::lint::thread_leak

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_UNJOINED_LOCAL_THREADS_H_
