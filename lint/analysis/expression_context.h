// Questions about where an expression sits in the AST: is this field access a
// write, a dereference, a reference that escapes; does this lambda run later?
#ifndef LOCKSTEP_LINT_ANALYSIS_EXPRESSION_CONTEXT_H_
#define LOCKSTEP_LINT_ANALYSIS_EXPRESSION_CONTEXT_H_

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace lockstep::lint {

class ExpressionContext {
 public:
  explicit ExpressionContext(clang::ASTContext& context) : context_(context) {}

  // True when `expr` (a field access) is modified: assigned, incremented,
  // bound to a non-const reference, or the object of a non-const method call.
  bool IsWrite(const clang::Expr* expr) const;

  // True when the pointer or smart pointer `expr` is dereferenced.
  bool IsDereference(const clang::Expr* expr) const;

  // True when a reference or pointer to `expr` is returned from `function`.
  bool EscapesByReturn(const clang::Expr* expr,
                       const clang::FunctionDecl* function) const;

  // True when `lambda` is handed to another thread (std::thread, std::async,
  // an executor's Schedule/Submit/Post) or stored to run later (a field, a
  // std::function / absl::AnyInvocable parameter). Lambdas passed to anything
  // else (algorithms, condition-variable predicates) run in place.
  bool IsDeferredLambda(const clang::LambdaExpr* lambda) const;

  // The parent of `stmt` in the AST, or null.
  const clang::Stmt* Parent(const clang::Stmt* stmt) const;

 private:
  // The nearest parent that is not a paren or an implicit node.
  const clang::Stmt* SemanticParent(const clang::Stmt* stmt,
                                    const clang::Stmt** child) const;

  clang::ASTContext& context_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_EXPRESSION_CONTEXT_H_
