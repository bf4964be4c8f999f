// Questions about where an expression sits in the AST: is this field access a
// write, a dereference, a reference that escapes; does this lambda run later?
#ifndef LOCKSTEP_LINT_ANALYSIS_EXPRESSION_CONTEXT_H_
#define LOCKSTEP_LINT_ANALYSIS_EXPRESSION_CONTEXT_H_

#include <memory>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

namespace lockstep::lint {

// Calls `visit` on `stmt` and every statement under it, lambda bodies
// included.
template <typename Visit>
void ForEachStmt(const clang::Stmt* stmt, const Visit& visit) {
  if (stmt == nullptr) return;
  visit(stmt);
  for (const clang::Stmt* child : stmt->children()) ForEachStmt(child, visit);
}

// The variable or parameter `expr` names under parentheses, casts, `&`, `*`,
// std::move/std::forward and, when `through_members`, member accesses
// (`&s->lock` names `s`); null for any other expression.
const clang::ValueDecl* NamedVariable(const clang::Expr* expr,
                                      bool through_members);

// True when `expr`, under parentheses, casts, `&`, `*` and member accesses,
// is `var` itself: `&s->lock`, `(pthread_mutex_t *)lock`, `*p`.
bool IsReachedFrom(const clang::Expr* expr, const clang::VarDecl* var);

// Strips the wrappers clang puts around an argument or initializer: implicit
// casts, parentheses, temporaries, cleanups, copies/moves of the same value.
const clang::Expr* StripWrappers(const clang::Expr* expr);

// True for the names of functions that run a callable later or elsewhere,
// by common API names: std::async, an executor's Schedule/Submit/Post, ...
bool IsDeferringFunctionName(llvm::StringRef name);

// When a lambda's body runs, relative to the expression that creates it.
enum class LambdaDeferral {
  kRunsInPlace,  // called here or by the callee before it returns
  // Passed as a std::function / AnyInvocable parameter: the callee may keep
  // it, or may call it before returning (a visitor).
  kMayBeKept,
  // Handed to a thread or executor, or stored in a field, a global or a
  // callback registry.
  kRunsElsewhere,
};

class ExpressionContext {
 public:
  // Indexes the parents of every statement under `root` (a function body,
  // lambdas included). Questions are only answered for statements under it.
  explicit ExpressionContext(const clang::Stmt* root);

  // True when `expr` (a field access) is modified: assigned, incremented,
  // bound to a non-const reference, or the object of a non-const method call.
  bool IsWrite(const clang::Expr* expr) const;

  // True when the pointer or smart pointer `expr` is dereferenced.
  bool IsDereference(const clang::Expr* expr) const;

  // The return statement of `function` that hands out a reference or
  // pointer to `expr` or its insides: `return items_;` by reference,
  // `return &items_.front();`, or an iterator kept in a local and returned
  // through (`auto it = map_.find(k); ... return &it->second;`). Null if none.
  const clang::ReturnStmt* EscapingReturn(
      const clang::Expr* expr, const clang::FunctionDecl* function) const;
  bool EscapesByReturn(const clang::Expr* expr,
                       const clang::FunctionDecl* function) const {
    return EscapingReturn(expr, function) != nullptr;
  }

  // True when `lambda` is handed to another thread (std::thread, std::async,
  // an executor's Schedule/Submit/Post) or stored to run later (a field, a
  // std::function / absl::AnyInvocable parameter). Lambdas passed to anything
  // else (algorithms, condition-variable predicates) run in place.
  bool IsDeferredLambda(const clang::LambdaExpr* lambda) const;
  LambdaDeferral DeferralOf(const clang::LambdaExpr* lambda) const;

  // The parent of `stmt` in the AST, or null.
  const clang::Stmt* Parent(const clang::Stmt* stmt) const;
  // The nearest parent that is not a paren or an implicit node; `child`, when
  // given, receives the node under it on the way up from `stmt`.
  const clang::Stmt* SemanticParent(const clang::Stmt* stmt,
                                    const clang::Stmt** child) const;

 private:
  // Built per function: ASTContext::getParents would index the whole
  // translation unit, system headers included, which costs more than the
  // analysis itself.
  llvm::DenseMap<const clang::Stmt*, const clang::Stmt*> parents_;
};

// The ExpressionContext of each function's body, built on first use.
class ExpressionContexts {
 public:
  const ExpressionContext& Of(const clang::FunctionDecl* function);

 private:
  llvm::DenseMap<const clang::FunctionDecl*, std::unique_ptr<ExpressionContext>>
      contexts_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_EXPRESSION_CONTEXT_H_
