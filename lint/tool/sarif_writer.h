// Renders concurrency-lint's findings as a SARIF 2.1.0 log, the format that
// code-review systems, IDEs and GitHub code scanning ingest.
#ifndef LOCKSTEP_LINT_TOOL_SARIF_WRITER_H_
#define LOCKSTEP_LINT_TOOL_SARIF_WRITER_H_

#include <string>
#include <vector>

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/JSON.h"

namespace lockstep::lint {

struct SarifRule {
  std::string id;                 // the check name
  std::string short_description;  // one line
  std::string full_description;   // a paragraph
  std::string help_text;          // what to do, with the page's address
  std::string help_uri;           // the check's documentation page
  std::string precision;          // very-high, high, medium or low
  std::vector<std::string> tags;
};

// A file that could not be analysed, and why.
struct SarifNotification {
  std::string file;  // absolute path, or empty when no file is concerned
  std::string message;
};

struct SarifRun {
  std::vector<SarifRule> rules;  // the enabled checks
  // Absolute directory that artifact URIs are relative to (%SRCROOT%);
  // files outside it keep absolute file:// URIs.
  std::string source_root;
  std::vector<SarifNotification> notifications;
  bool execution_successful = true;
};

// One run of the tool: `errors` are what clang-tidy reported (compiler
// errors appear as clang-diagnostic-* results). Each result carries
// partialFingerprints that do not depend on its line number, so a finding
// keeps its identity when code above it moves.
llvm::json::Value SarifLog(
    const SarifRun& run,
    const std::vector<clang::tidy::ClangTidyError>& errors);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_TOOL_SARIF_WRITER_H_
