// The base of lockstep's checks: each one looks at a whole translation unit
// at once, after it compiled, and reports each place once.
#ifndef LOCKSTEP_LINT_CHECKS_TRANSLATION_UNIT_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_TRANSLATION_UNIT_CHECK_H_

#include <set>
#include <string>
#include <utility>

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/ASTContext.h"
#include "lint/analysis/translation_unit_index.h"

namespace lockstep::lint {

class TranslationUnitCheck : public clang::tidy::ClangTidyCheck {
 public:
  TranslationUnitCheck(llvm::StringRef name,
                       clang::tidy::ClangTidyContext* context)
      : ClangTidyCheck(name, context) {}

  bool isLanguageVersionSupported(
      const clang::LangOptions& options) const override {
    return options.CPlusPlus;
  }
  // Matches the translation unit itself, once.
  void registerMatchers(clang::ast_matchers::MatchFinder* finder) final;
  // Drops what the previous translation unit left: the shared index (a new
  // ASTContext may reuse the old one's address) and the reported places.
  void onStartOfTranslationUnit() final;
  // Calls CheckTranslationUnit unless the translation unit has errors that
  // leave its AST incomplete.
  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) final;

  // False when `location` was already reported for `what`: template
  // instantiations repeat their pattern's code, and analyses overlap.
  bool FirstReport(clang::SourceLocation location, llvm::StringRef what = "");

 protected:
  // Runs the check over one translation unit that compiled.
  virtual void CheckTranslationUnit(TranslationUnitIndex& index) = 0;

  // The boolean option `name`: "true" or "1" turn it on, "false" or "0" off,
  // anything else (or nothing) leaves `default_value`.
  bool BoolOption(llvm::StringRef name, bool default_value) const;

 private:
  std::set<std::pair<unsigned, std::string>> reported_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_TRANSLATION_UNIT_CHECK_H_
