// What the checks of one translation unit share: the lockset analysis and the
// indexes over it, each computed once, on first use, whichever check asks.
#ifndef LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_INDEX_H_
#define LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_INDEX_H_

#include <memory>

#include "clang/AST/ASTContext.h"
#include "lint/analysis/translation_unit_analysis.h"

namespace lockstep::lint {

class TranslationUnitIndex {
 public:
  explicit TranslationUnitIndex(clang::ASTContext& context);
  ~TranslationUnitIndex();

  // The index of `context`, shared by every check that asks during the same
  // translation unit. clang-tidy lints one translation unit at a time per
  // thread.
  static TranslationUnitIndex& For(clang::ASTContext& context);
  // Drops the shared index; checks call this when a new translation unit
  // starts, since a new ASTContext may reuse the old one's address.
  static void ForgetCached();

  clang::ASTContext& context() const { return context_; }
  const clang::SourceManager& sources() const {
    return context_.getSourceManager();
  }

  // The lockset analysis of every function the translation unit defines in
  // user code.
  const TranslationUnitAnalysis& analysis();

 private:
  clang::ASTContext& context_;
  std::unique_ptr<TranslationUnitAnalysis> analysis_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_TRANSLATION_UNIT_INDEX_H_
