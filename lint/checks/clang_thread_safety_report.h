// Reports clang's own thread-safety warnings (see
// lint/analysis/clang_thread_safety.h) through a lockstep check: accesses
// and calls through concurrency-unguarded-field, lock balance through
// concurrency-lock-balance.
#ifndef LOCKSTEP_LINT_CHECKS_CLANG_THREAD_SAFETY_REPORT_H_
#define LOCKSTEP_LINT_CHECKS_CLANG_THREAD_SAFETY_REPORT_H_

#include <initializer_list>

#include "lint/analysis/clang_thread_safety.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

// Reports each of the translation unit's clang warnings of the given kinds
// in user code that `check` has not already reported at the same place for
// the same variable or function. A warning the lint's lockset disputes is
// left out, or, with `report_disagreements`, reported as a disagreement that
// names the lock the lint sees held.
void ReportClangThreadSafety(
    TranslationUnitCheck& check, TranslationUnitIndex& index,
    std::initializer_list<ClangThreadSafetyWarning::Kind> kinds,
    bool report_disagreements);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_CLANG_THREAD_SAFETY_REPORT_H_
