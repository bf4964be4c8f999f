#include "lint/analysis/read_only_method.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"

namespace lockstep::lint {
namespace {

constexpr int kMaxCallDepth = 2;

// True when `expr` names the object the method runs on or a part of it held
// by value: `this`, `x_`, `this->x_.y`, `a_[2]`. `p_->x` is a pointee.
bool IsPartOfThis(const clang::Expr* expr) {
  while (expr != nullptr) {
    expr = expr->IgnoreParenImpCasts();
    if (llvm::isa<clang::CXXThisExpr>(expr)) return true;
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) {
      if (member->isArrow())
        return llvm::isa<clang::CXXThisExpr>(
            member->getBase()->IgnoreParenImpCasts());
      expr = member->getBase();
    } else if (const auto* subscript =
                   llvm::dyn_cast<clang::ArraySubscriptExpr>(expr)) {
      if (!subscript->getBase()
               ->IgnoreParenImpCasts()
               ->getType()
               ->isArrayType())
        return false;  // p_[i] is a pointee
      expr = subscript->getBase();
    } else if (const auto* op =
                   llvm::dyn_cast<clang::CXXOperatorCallExpr>(expr)) {
      if (op->getOperator() != clang::OO_Subscript || op->getNumArgs() == 0)
        return false;
      expr = op->getArg(0);
    } else {
      return false;
    }
  }
  return false;
}

bool ReadOnly(const clang::CXXMethodDecl* method, int depth);

// A call made in the body changes the object.
bool CallChangesThis(const clang::CallExpr* call, int depth) {
  const clang::Expr* object = nullptr;
  const clang::CXXMethodDecl* method = nullptr;
  unsigned first_argument = 0;
  if (const auto* member_call =
          llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
    object = member_call->getImplicitObjectArgument();
    method = member_call->getMethodDecl();
  } else if (const auto* op =
                 llvm::dyn_cast<clang::CXXOperatorCallExpr>(call)) {
    method =
        llvm::dyn_cast_or_null<clang::CXXMethodDecl>(op->getDirectCallee());
    if (method != nullptr && op->getNumArgs() > 0) {
      object = op->getArg(0);
      first_argument = 1;
    }
  }
  if (method != nullptr && object != nullptr && !method->isStatic() &&
      !method->isConst() && IsPartOfThis(object)) {
    if (depth >= kMaxCallDepth || !ReadOnly(method, depth + 1)) return true;
  }
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr) {
    // An unknown callee could change anything it is handed.
    for (const clang::Expr* arg : call->arguments()) {
      if (IsPartOfThis(arg) && arg->isGLValue()) return true;
    }
    return false;
  }
  for (unsigned i = first_argument; i < call->getNumArgs(); ++i) {
    unsigned param_index = i - first_argument;
    if (param_index >= callee->getNumParams()) break;
    clang::QualType param = callee->getParamDecl(param_index)->getType();
    bool binds_mutably = param->isRValueReferenceType() ||
                         (param->isReferenceType() &&
                          !param.getNonReferenceType().isConstQualified());
    if (binds_mutably && IsPartOfThis(call->getArg(i))) return true;
  }
  return false;
}

bool StatementChangesThis(const clang::Stmt* stmt,
                          const clang::CXXMethodDecl* method, int depth) {
  if (llvm::isa<clang::LambdaExpr>(stmt) ||
      llvm::isa<clang::CXXDeleteExpr>(stmt) ||
      llvm::isa<clang::GCCAsmStmt>(stmt)) {
    return true;
  }
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(stmt)) {
    return binary->isAssignmentOp() && IsPartOfThis(binary->getLHS());
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(stmt)) {
    if (unary->isIncrementDecrementOp() ||
        unary->getOpcode() == clang::UO_AddrOf) {
      return IsPartOfThis(unary->getSubExpr());
    }
    return false;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
    return CallChangesThis(call, depth);
  }
  if (const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(stmt)) {
    if (ret->getRetValue() == nullptr) return false;
    clang::QualType type = method->getReturnType();
    bool hands_out_mutable =
        (type->isReferenceType() || type->isPointerType()) &&
        !type->getPointeeType().isConstQualified();
    if (!hands_out_mutable) return false;
    const clang::Expr* value = ret->getRetValue()->IgnoreParenImpCasts();
    if (type->isReferenceType() && IsPartOfThis(value)) return true;
    // `return items_.data();`: the elements the object owns.
    const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(value);
    return call != nullptr && call->getMethodDecl() != nullptr &&
           !call->getMethodDecl()->isConst() &&
           IsPartOfThis(call->getImplicitObjectArgument());
  }
  if (const auto* decl = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
    // `auto& x = member_;` hands a mutable alias to the code that follows.
    for (const clang::Decl* d : decl->decls()) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(d);
      if (var == nullptr || var->getInit() == nullptr) continue;
      clang::QualType type = var->getType();
      if (type->isReferenceType() &&
          !type.getNonReferenceType().isConstQualified() &&
          IsPartOfThis(var->getInit())) {
        return true;
      }
    }
  }
  return false;
}

// std::call_once(flag, init): the initialisation runs once, and every
// caller returns only after it finished. To callers running at once it is
// synchronized, not a change they race on (a lazily loaded table that is
// only read afterwards).
bool IsCallOnce(const clang::Stmt* stmt) {
  const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt);
  if (call == nullptr || call->getNumArgs() < 2) return false;
  const clang::FunctionDecl* callee = call->getDirectCallee();
  return callee != nullptr && callee->getDeclName().isIdentifier() &&
         callee->getName() == "call_once" &&
         IsSynchronizationType(call->getArg(0)->getType());
}

bool ChangesThis(const clang::Stmt* stmt, const clang::CXXMethodDecl* method,
                 int depth) {
  if (stmt == nullptr || IsCallOnce(stmt)) return false;
  if (StatementChangesThis(stmt, method, depth)) return true;
  for (const clang::Stmt* child : stmt->children()) {
    if (ChangesThis(child, method, depth)) return true;
  }
  return false;
}

bool ReadOnly(const clang::CXXMethodDecl* method, int depth) {
  if (method == nullptr || method->isStatic()) return false;
  if (method->isVirtual() && !method->hasAttr<clang::FinalAttr>() &&
      !method->getParent()->hasAttr<clang::FinalAttr>()) {
    return false;  // an override may change the object
  }
  if (llvm::isa<clang::CXXConstructorDecl>(method) ||
      llvm::isa<clang::CXXDestructorDecl>(method)) {
    return false;
  }
  if (method->isOverloadedOperator() &&
      method->getOverloadedOperator() == clang::OO_Equal) {
    return false;
  }
  const clang::FunctionDecl* definition = nullptr;
  if (!method->hasBody(definition) || definition == nullptr) return false;
  const clang::Stmt* body = definition->getBody();
  if (body == nullptr) return false;
  const auto* defined = llvm::cast<clang::CXXMethodDecl>(definition);
  return !ChangesThis(body, defined, depth);
}

}  // namespace

bool IsReadOnlyMethod(const clang::CXXMethodDecl* method) {
  if (method == nullptr || method->isConst()) return false;
  return ReadOnly(method, 0);
}

}  // namespace lockstep::lint
