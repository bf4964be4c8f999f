// concurrency-thread-leak, option DetachedEndlessLoops: a detached thread
// whose callable loops forever, with no stop condition.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_DETACHED_ENDLESS_LOOPS_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_DETACHED_ENDLESS_LOOPS_H_

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "lint/analysis/translation_unit_index.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint::thread_leak {

// Reports `detach` (a detach() on a std::thread, in the innermost function
// or lambda `function`) when the thread runs an endless loop.
void ReportDetachedEndlessLoop(const clang::CXXMemberCallExpr* detach,
                               const clang::FunctionDecl* function,
                               TranslationUnitIndex& index,
                               TranslationUnitCheck& check);

}  // namespace lockstep::lint::thread_leak

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_DETACHED_ENDLESS_LOOPS_H_
