#include "lint/checks/clang_thread_safety_report.h"

#include <algorithm>
#include <string>

#include "lint/analysis/user_code.h"

namespace lockstep::lint {

void ReportClangThreadSafety(
    TranslationUnitCheck& check, TranslationUnitIndex& index,
    std::initializer_list<ClangThreadSafetyWarning::Kind> kinds,
    bool report_disagreements) {
  for (const JudgedClangWarning& judged : index.clang_thread_safety()) {
    const ClangThreadSafetyWarning& warning = judged.warning;
    if (std::find(kinds.begin(), kinds.end(), warning.kind) == kinds.end())
      continue;
    if (!IsUserCode(index.sources(), warning.location)) continue;
    if (judged.lint_disagrees && !report_disagreements) continue;
    std::string subject =
        warning.subject != nullptr ? warning.subject->getNameAsString() : "";
    // The lint's own finding for the same variable at the same place says
    // the same with more context; template instantiations repeat warnings.
    if (!check.FirstReport(warning.location, subject)) continue;
    if (judged.lint_disagrees) {
      check.diag(warning.location,
                 "clang's thread-safety analysis says: %0; the lint "
                 "disagrees: %1")
          << warning.message << judged.lint_reason;
    } else {
      check.diag(warning.location, "%0 (clang's thread-safety analysis)")
          << warning.message;
    }
    for (const auto& [location, message] : warning.notes) {
      check.diag(location, message, clang::DiagnosticIDs::Note);
    }
  }
}

}  // namespace lockstep::lint
