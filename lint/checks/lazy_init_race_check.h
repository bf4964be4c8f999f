// concurrency-lazy-init-race: initialisation on first use without
// synchronization (`if (!p_) p_ = Make();`, a non-atomic "inited" flag,
// double-checked locking on a plain pointer, a non-atomic function-local
// `static T* p = nullptr` filled in on first call). See
// lint/docs/concurrency-lazy-init-race.md.
#ifndef LOCKSTEP_LINT_CHECKS_LAZY_INIT_RACE_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_LAZY_INIT_RACE_CHECK_H_

#include <set>

#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Stmt.h"
#include "lint/analysis/translation_unit_analysis.h"

namespace lockstep::lint {

class LazyInitRaceCheck : public clang::tidy::ClangTidyCheck {
 public:
  LazyInitRaceCheck(llvm::StringRef name,
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
  void CheckIf(const clang::IfStmt* if_stmt,
               const TranslationUnitAnalysis& analysis,
               clang::ASTContext& context);

  std::set<unsigned> reported_;  // raw locations: instantiations repeat code
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_LAZY_INIT_RACE_CHECK_H_
