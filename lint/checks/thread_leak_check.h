// concurrency-thread-leak: a std::thread that can be destroyed while still
// joinable (std::terminate), a detached thread that runs an endless loop with
// no stop condition, a member thread its class's destructor does not join,
// and a destructor that joins a thread blocked on a wait it never wakes. See
// lint/docs/concurrency-thread-leak.md.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class ThreadLeakCheck : public TranslationUnitCheck {
 public:
  ThreadLeakCheck(llvm::StringRef name, clang::tidy::ClangTidyContext* context)
      : TranslationUnitCheck(name, context) {}

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;

  // A local std::thread that can reach its destructor while joinable.
  void CheckLocalThread(const clang::VarDecl* var, TranslationUnitIndex& index);
  // A detach() of a thread whose callable loops forever; `function` is the
  // innermost function or lambda it is in.
  void CheckDetach(const clang::CXXMemberCallExpr* detach,
                   const clang::FunctionDecl* function,
                   TranslationUnitIndex& index);
  // Member threads the destructor does not join, or joins without waking.
  void CheckClass(const clang::CXXRecordDecl* record,
                  clang::ASTContext& context);
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_CHECK_H_
