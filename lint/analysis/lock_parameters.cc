#include "lint/analysis/lock_parameters.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"

namespace lockstep::lint {
namespace {

// `expr` is the parameter itself, seen through parentheses, casts, `&`,
// `*` and std::forward/std::move.
bool NamesParameter(const clang::Expr* expr, const clang::ParmVarDecl* param) {
  return param != nullptr &&
         NamedVariable(expr, /*through_members=*/false) == param;
}

// A call of the callable parameter: `fn(...)` (operator() of a lambda or a
// std::function), a plain function pointer call, or std::invoke(fn, ...).
bool CallsParameter(const clang::Stmt* stmt, const clang::ParmVarDecl* fn) {
  bool found = false;
  ForEachStmt(stmt, [&](const clang::Stmt* node) {
    if (found) return;
    if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(node)) {
      if (op->getOperator() == clang::OO_Call && op->getNumArgs() > 0 &&
          NamesParameter(op->getArg(0), fn)) {
        found = true;
      }
      return;
    }
    const auto* call = llvm::dyn_cast<clang::CallExpr>(node);
    if (call == nullptr) return;
    if (NamesParameter(call->getCallee(), fn)) {
      found = true;
      return;
    }
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee != nullptr && callee->isInStdNamespace() &&
        callee->getDeclName().isIdentifier() && callee->getName() == "invoke" &&
        call->getNumArgs() > 0 && NamesParameter(call->getArg(0), fn)) {
      found = true;
    }
  });
  return found;
}

// The lock parameter a statement takes (+1) or gives back (-1): a guard
// declared on it, or a lock/unlock call on it; 0 for anything else.
int LockChangeOf(const clang::Stmt* stmt, const clang::ParmVarDecl* lock) {
  if (const auto* decl_stmt = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
    for (const clang::Decl* decl : decl_stmt->decls()) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
      if (var == nullptr || var->getInit() == nullptr ||
          !IsScopedGuardType(var->getType())) {
        continue;
      }
      const clang::Expr* init = var->getInit()->IgnoreImplicit();
      if (const auto* construct =
              llvm::dyn_cast<clang::CXXConstructExpr>(init)) {
        for (const clang::Expr* arg : construct->arguments()) {
          if (NamesParameter(arg, lock)) return 1;
        }
      }
    }
    return 0;
  }
  const auto* expr = llvm::dyn_cast<clang::Expr>(stmt);
  if (expr == nullptr) return 0;
  const auto* call = llvm::dyn_cast<clang::CallExpr>(expr->IgnoreImplicit());
  if (call == nullptr) return 0;
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr || !callee->getDeclName().isIdentifier()) return 0;
  const clang::Expr* object = nullptr;
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
    object = member->getImplicitObjectArgument();
  } else if (call->getNumArgs() > 0) {
    object = call->getArg(0);  // pthread_mutex_lock(mu), std::lock(mu)
  }
  if (object == nullptr || !NamesParameter(object, lock)) return 0;
  std::optional<NamedLockOperation> operation =
      LockOperationNamed(callee->getName());
  if (!operation) operation = PlatformLockOperation(callee->getName());
  if (!operation) return 0;
  if (operation->effect == LockEffect::kAcquires) return 1;
  if (operation->effect == LockEffect::kReleases) return -1;
  return 0;
}

const clang::CompoundStmt* BodyOf(const clang::FunctionDecl* function,
                                  const clang::FunctionDecl** definition) {
  if (function == nullptr || !function->hasBody(*definition) ||
      *definition == nullptr) {
    return nullptr;
  }
  return llvm::dyn_cast_or_null<clang::CompoundStmt>((*definition)->getBody());
}

}  // namespace

bool ReleasesParameter(const clang::FunctionDecl* callee, unsigned index) {
  const clang::FunctionDecl* definition = nullptr;
  const clang::CompoundStmt* body = BodyOf(callee, &definition);
  if (body == nullptr || index >= definition->getNumParams()) return false;
  const clang::ParmVarDecl* param = definition->getParamDecl(index);
  int last = 0;
  for (const clang::Stmt* stmt : body->body()) {
    if (int change = LockChangeOf(stmt, param)) last = change;
  }
  return last < 0;
}

std::optional<unsigned> LockParameterHeldAroundCall(
    const clang::FunctionDecl* callee, unsigned callable_index) {
  const clang::FunctionDecl* definition = nullptr;
  const clang::CompoundStmt* body = BodyOf(callee, &definition);
  if (body == nullptr || callable_index >= definition->getNumParams())
    return std::nullopt;
  const clang::ParmVarDecl* fn = definition->getParamDecl(callable_index);
  for (unsigned i = 0; i < definition->getNumParams(); ++i) {
    const clang::ParmVarDecl* lock = definition->getParamDecl(i);
    if (i == callable_index || !IsLockOrPointerToLock(lock->getType()))
      continue;
    bool held = false;
    for (const clang::Stmt* stmt : body->body()) {
      if (held && CallsParameter(stmt, fn)) return i;
      int change = LockChangeOf(stmt, lock);
      if (change > 0) held = true;
      if (change < 0) held = false;
    }
  }
  return std::nullopt;
}

}  // namespace lockstep::lint
