// concurrency-lazy-init-race: initialisation on first use without
// synchronization (`if (!p_) p_ = Make();`, a non-atomic "inited" flag,
// double-checked locking on a plain pointer, a non-atomic function-local
// `static T* p = nullptr` filled in on first call). See
// lint/docs/concurrency-lazy-init-race.md.
#ifndef LOCKSTEP_LINT_CHECKS_LAZY_INIT_RACE_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_LAZY_INIT_RACE_CHECK_H_

#include "clang/AST/Stmt.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class LazyInitRaceCheck : public TranslationUnitCheck {
 public:
  LazyInitRaceCheck(llvm::StringRef name,
                    clang::tidy::ClangTidyContext* context)
      : TranslationUnitCheck(name, context) {}

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;

  void CheckIf(const clang::IfStmt* if_stmt, TranslationUnitIndex& index,
               bool in_structor);
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_LAZY_INIT_RACE_CHECK_H_
