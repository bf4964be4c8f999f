#include "lint/checks/thread_leak/common.h"

#include <string>

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"

namespace lockstep::lint::thread_leak {

bool NameIs(const clang::NamedDecl* decl,
            std::initializer_list<llvm::StringRef> names) {
  if (decl == nullptr || !decl->getDeclName().isIdentifier()) return false;
  for (llvm::StringRef name : names) {
    if (decl->getName() == name) return true;
  }
  return false;
}

llvm::StringRef RecordName(clang::QualType type) {
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
  if (record == nullptr || !record->getDeclName().isIdentifier()) return "";
  return record->getName();
}

const clang::FunctionDecl* DefinitionOf(const clang::FunctionDecl* function) {
  if (function == nullptr) return nullptr;
  const clang::FunctionDecl* definition = nullptr;
  if (!function->hasBody(definition)) return nullptr;
  return definition;
}

const clang::FieldDecl* FieldOf(const clang::Expr* expr,
                                const LoopVariables* loop_vars) {
  for (int steps = 0; expr != nullptr && steps < 16; ++steps) {
    expr = StripWrappers(expr);
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) {
      const clang::Expr* base = StripWrappers(member->getBase());
      if (llvm::isa<clang::CXXThisExpr>(base)) {
        return llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
      }
      expr = base;
    } else if (const auto* subscript =
                   llvm::dyn_cast<clang::ArraySubscriptExpr>(expr)) {
      expr = subscript->getBase();
    } else if (const auto* op =
                   llvm::dyn_cast<clang::CXXOperatorCallExpr>(expr)) {
      if (op->getNumArgs() == 0) return nullptr;
      auto kind = op->getOperator();
      if (kind != clang::OO_Subscript && kind != clang::OO_Arrow &&
          kind != clang::OO_Star) {
        return nullptr;
      }
      expr = op->getArg(0);
    } else if (const auto* call =
                   llvm::dyn_cast<clang::CXXMemberCallExpr>(expr)) {
      if (!NameIs(call->getMethodDecl(),
                  {"value", "get", "front", "back", "at"})) {
        return nullptr;
      }
      expr = call->getImplicitObjectArgument();
    } else if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr)) {
      if (unary->getOpcode() != clang::UO_Deref) return nullptr;
      expr = unary->getSubExpr();
    } else if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
      if (loop_vars == nullptr) return nullptr;
      const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      auto found = loop_vars->find(var);
      return found == loop_vars->end() ? nullptr : found->second;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

bool IsDefaultConstruction(const clang::Expr* expr) {
  expr = StripWrappers(expr);
  if (expr == nullptr) return true;
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr)) {
    if (construct->getNumArgs() == 0) return true;
    return construct->getNumArgs() == 1 &&
           IsDefaultConstruction(construct->getArg(0)) &&
           !construct->getConstructor()->isCopyOrMoveConstructor();
  }
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(expr))
    return list->getNumInits() == 0;
  return llvm::isa<clang::CXXNullPtrLiteralExpr>(expr) ||
         llvm::isa<clang::GNUNullExpr>(expr);
}

std::string DescribeFunction(const clang::FunctionDecl* function) {
  std::string name = FunctionDisplayName(function);
  if (llvm::StringRef(name).startswith("a lambda")) return name;
  return "'" + name + "'";
}

}  // namespace lockstep::lint::thread_leak
