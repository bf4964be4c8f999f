// One finding per defect: where two of the checks that report races on a
// field report the same line, the more specific one stays.
#ifndef LOCKSTEP_LINT_TOOL_ONE_FINDING_PER_LINE_H_
#define LOCKSTEP_LINT_TOOL_ONE_FINDING_PER_LINE_H_

#include <vector>

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace lockstep::lint {

// On a line where several of them report, keeps the most specific of
// concurrency-lazy-init-race and concurrency-use-after-close (they name the
// consequence: what is closed where, how to initialise once), then
// concurrency-unguarded-field (it names the lock), then
// concurrency-closure-captures-mutable. Other findings are kept as they are.
void KeepOneFindingPerLine(std::vector<clang::tidy::ClangTidyError>& errors);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_ONE_FINDING_PER_LINE_H_
