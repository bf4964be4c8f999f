#include "lint/analysis/thread_callables.h"

#include "clang/AST/DeclCXX.h"
#include "lint/analysis/lock_model.h"

namespace lockstep::lint {

bool IsStdThread(clang::QualType type) {
  if (!IsThreadType(type)) return false;
  const clang::CXXRecordDecl* record =
      type.getNonReferenceType()->getAsCXXRecordDecl();
  return record != nullptr && record->getName() == "thread";
}

const clang::Expr* StripWrappers(const clang::Expr* expr) {
  while (expr != nullptr) {
    const clang::Expr* next = expr->IgnoreParenImpCasts();
    if (const auto* cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(next)) {
      next = cleanups->getSubExpr();
    } else if (const auto* temporary =
                   llvm::dyn_cast<clang::MaterializeTemporaryExpr>(next)) {
      next = temporary->getSubExpr();
    } else if (const auto* bind =
                   llvm::dyn_cast<clang::CXXBindTemporaryExpr>(next)) {
      next = bind->getSubExpr();
    } else if (const auto* cast =
                   llvm::dyn_cast<clang::CXXFunctionalCastExpr>(next)) {
      next = cast->getSubExpr();
    } else if (const auto* construct =
                   llvm::dyn_cast<clang::CXXConstructExpr>(next)) {
      // A copy or move of the same value (a lambda copied into the thread).
      if (construct->getNumArgs() == 1 &&
          construct->getConstructor()->isCopyOrMoveConstructor() &&
          !llvm::isa<clang::CXXTemporaryObjectExpr>(construct)) {
        next = construct->getArg(0);
      }
    }
    if (next == expr) return expr;
    expr = next;
  }
  return nullptr;
}

const clang::Expr* ThreadStartCallable(const clang::Expr* expr) {
  if (expr == nullptr) return nullptr;
  expr = StripWrappers(expr);
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr)) {
    if (!IsThreadType(construct->getType()) || construct->getNumArgs() == 0 ||
        construct->getConstructor()->isCopyOrMoveConstructor()) {
      return nullptr;
    }
    return construct->getArg(0);
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expr)) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee == nullptr || !callee->isInStdNamespace() ||
        !callee->getDeclName().isIdentifier() || callee->getName() != "async" ||
        call->getNumArgs() == 0) {
      return nullptr;
    }
    const clang::Expr* first = StripWrappers(call->getArg(0));
    const auto* policy_type = first->getType()->getAsTagDecl();
    if (policy_type != nullptr && policy_type->getName() == "launch") {
      return call->getNumArgs() > 1 ? call->getArg(1) : nullptr;
    }
    return call->getArg(0);
  }
  return nullptr;
}

const clang::FunctionDecl* CallableFunction(const clang::Expr* callable) {
  callable = StripWrappers(callable);
  if (callable == nullptr) return nullptr;
  if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(callable)) {
    return lambda->getCallOperator();
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(callable)) {
    if (unary->getOpcode() == clang::UO_AddrOf)
      callable = StripWrappers(unary->getSubExpr());
  }
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(callable);
  if (ref == nullptr) return nullptr;
  if (const auto* function =
          llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) {
    const clang::FunctionDecl* definition = nullptr;
    if (function->hasBody(definition)) return definition;
    return nullptr;
  }
  if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
    if (var->hasLocalStorage() && var->getInit() != nullptr &&
        !var->getType()->isReferenceType()) {
      if (const auto* lambda =
              llvm::dyn_cast<clang::LambdaExpr>(StripWrappers(var->getInit())))
        return lambda->getCallOperator();
    }
  }
  return nullptr;
}

}  // namespace lockstep::lint
