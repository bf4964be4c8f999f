// concurrency-lock-balance: a lock acquired twice, released when not held,
// held on some paths and not others, still held at the end of a function, or
// taken against its declared order; found by clang's own thread-safety
// analysis, which the lint runs whatever the build's flags. See
// lint/docs/concurrency-lock-balance.md.
#ifndef LOCKSTEP_LINT_CHECKS_LOCK_BALANCE_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_LOCK_BALANCE_CHECK_H_

#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class LockBalanceCheck : public TranslationUnitCheck {
 public:
  LockBalanceCheck(llvm::StringRef name, clang::tidy::ClangTidyContext* context)
      : TranslationUnitCheck(name, context),
        report_clang_disagreements_(
            BoolOption("ReportClangDisagreements", false)) {}

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap& options) override;

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;

  // Option ReportClangDisagreements: also report clang's warnings in
  // functions where the lint's lockset disputes clang's.
  const bool report_clang_disagreements_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_LOCK_BALANCE_CHECK_H_
