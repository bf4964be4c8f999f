#include "lint/checks/lock_balance_check.h"

#include "lint/checks/clang_thread_safety_report.h"

namespace lockstep::lint {

void LockBalanceCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap& options) {
  Options.store(options, "ReportClangDisagreements",
                report_clang_disagreements_ ? "true" : "false");
}

void LockBalanceCheck::CheckTranslationUnit(TranslationUnitIndex& index) {
  ReportClangThreadSafety(*this, index,
                          {ClangThreadSafetyWarning::Kind::kLockBalance},
                          report_clang_disagreements_);
}

}  // namespace lockstep::lint
