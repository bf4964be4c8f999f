// concurrency-use-after-close: a resource member (FILE*, file descriptor,
// file stream, a smart pointer to a file-like object) that one method closes
// or resets while another method uses it, with no lock common to both. See
// lint/docs/concurrency-use-after-close.md.
#ifndef LOCKSTEP_LINT_CHECKS_USE_AFTER_CLOSE_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_USE_AFTER_CLOSE_CHECK_H_

#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class UseAfterCloseCheck : public TranslationUnitCheck {
 public:
  UseAfterCloseCheck(llvm::StringRef name,
                     clang::tidy::ClangTidyContext* context)
      : TranslationUnitCheck(name, context) {}

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_USE_AFTER_CLOSE_CHECK_H_
