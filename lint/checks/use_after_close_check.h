// concurrency-use-after-close: a resource member (FILE*, file descriptor,
// file stream, a smart pointer to a file-like object) that one method closes
// or resets while another method uses it, with no lock common to both. See
// lint/docs/concurrency-use-after-close.md.
#ifndef LOCKSTEP_LINT_CHECKS_USE_AFTER_CLOSE_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_USE_AFTER_CLOSE_CHECK_H_

#include <set>

#include "clang-tidy/ClangTidyCheck.h"
#include "lint/analysis/translation_unit_analysis.h"

namespace lockstep::lint {

class UseAfterCloseCheck : public clang::tidy::ClangTidyCheck {
 public:
  UseAfterCloseCheck(llvm::StringRef name,
                     clang::tidy::ClangTidyContext* context)
      : ClangTidyCheck(name, context) {}

  bool isLanguageVersionSupported(
      const clang::LangOptions& options) const override {
    return options.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder* finder) override;
  void onStartOfTranslationUnit() override {
    TranslationUnitAnalysis::ForgetCached();
  }
  void check(
      const clang::ast_matchers::MatchFinder::MatchResult& result) override;

 private:
  std::set<unsigned> reported_;  // raw locations: instantiations repeat code
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_USE_AFTER_CLOSE_CHECK_H_
