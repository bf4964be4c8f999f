// Renders concurrency-lint's findings as a SARIF 2.1.0 log, the format that
// code-review systems and IDEs ingest.
#ifndef LOCKSTEP_LINT_TOOL_SARIF_WRITER_H_
#define LOCKSTEP_LINT_TOOL_SARIF_WRITER_H_

#include <string>
#include <vector>

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"

namespace lockstep::lint {

struct SarifRule {
  std::string id;           // the check name
  std::string description;  // one line
};

// One run of the tool: `rules` are the enabled checks, `errors` what
// clang-tidy reported (compiler errors appear as clang-diagnostic-* results),
// `execution_successful` false when some file could not be analysed.
llvm::json::Value SarifLog(
    const std::vector<SarifRule>& rules,
    const std::vector<clang::tidy::ClangTidyError>& errors,
    bool execution_successful);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_SARIF_WRITER_H_
