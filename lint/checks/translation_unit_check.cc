#include "lint/checks/translation_unit_check.h"

#include <string>

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "lint/analysis/lock_model.h"

namespace lockstep::lint {

void TranslationUnitCheck::registerMatchers(
    clang::ast_matchers::MatchFinder* finder) {
  finder->addMatcher(clang::ast_matchers::translationUnitDecl().bind("unit"),
                     this);
}

void TranslationUnitCheck::onStartOfTranslationUnit() {
  TranslationUnitIndex::ForgetCached();
  ForgetLockModelAnswers();
  reported_.clear();
}

void TranslationUnitCheck::check(
    const clang::ast_matchers::MatchFinder::MatchResult& result) {
  clang::ASTContext& context = *result.Context;
  if (context.getDiagnostics().hasUncompilableErrorOccurred()) return;
  CheckTranslationUnit(TranslationUnitIndex::For(context));
}

bool TranslationUnitCheck::FirstReport(clang::SourceLocation location,
                                       llvm::StringRef what) {
  return reported_.emplace(location.getRawEncoding(), what.str()).second;
}

bool TranslationUnitCheck::BoolOption(llvm::StringRef name,
                                      bool default_value) const {
  std::string value =
      llvm::StringRef(Options.get(name, default_value ? "true" : "false"))
          .lower();
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  return default_value;
}

}  // namespace lockstep::lint
