// concurrency-closure-captures-mutable: a closure (lambda, std::bind, or a
// member function started with `this`) that runs later or on another thread
// and touches state that other code mutates with no lock in common. See
// lint/docs/concurrency-closure-captures-mutable.md.
#ifndef LOCKSTEP_LINT_CHECKS_CLOSURE_CAPTURES_MUTABLE_CHECK_H_
#define LOCKSTEP_LINT_CHECKS_CLOSURE_CAPTURES_MUTABLE_CHECK_H_

#include <functional>
#include <string>

#include "clang/AST/ExprCXX.h"
#include "lint/analysis/function_analyzer.h"
#include "lint/checks/translation_unit_check.h"

namespace lockstep::lint {

class ClosureCapturesMutableCheck : public TranslationUnitCheck {
 public:
  ClosureCapturesMutableCheck(llvm::StringRef name,
                              clang::tidy::ClangTidyContext* context)
      : TranslationUnitCheck(name, context) {}

 private:
  void CheckTranslationUnit(TranslationUnitIndex& index) override;

  // A piece of code that runs later or on another thread with access to
  // `this`: a lambda body, or a method handed off with `this`.
  struct Closure {
    std::string description;  // for messages
    const clang::FunctionDecl* created_in = nullptr;
    clang::SourceLocation created_at;
    std::function<bool(const FieldAccess&)> contains;
  };

  void JudgeFieldsOf(const Closure& closure, TranslationUnitIndex& index);
  void JudgeLocalsCapturedBy(const clang::LambdaExpr* lambda,
                             const clang::FunctionDecl* function,
                             TranslationUnitIndex& index);
  // True when `access` is ordered with the closure by the thread's start or
  // join: before the closure is created in the same function, or after a
  // join() in its own function.
  bool OrderedWithClosure(const FieldAccess& access, const Closure& closure,
                          TranslationUnitIndex& index) const;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_CLOSURE_CAPTURES_MUTABLE_CHECK_H_
