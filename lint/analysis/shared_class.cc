#include "lint/analysis/shared_class.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"

namespace lockstep::lint {
namespace {

// std::atomic<T> for an integer T other than bool.
bool IsAtomicInteger(clang::QualType type) {
  if (!IsRecordNamed(type, {"std::atomic"})) return false;
  const auto* specialization =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
          type.getNonReferenceType()->getAsCXXRecordDecl());
  if (specialization == nullptr ||
      specialization->getTemplateArgs().size() == 0) {
    return false;
  }
  const clang::TemplateArgument& value = specialization->getTemplateArgs()[0];
  return value.getKind() == clang::TemplateArgument::Type &&
         value.getAsType()->isIntegerType() &&
         !value.getAsType()->isBooleanType();
}

bool IsOne(const clang::Expr* expr) {
  const auto* literal =
      llvm::dyn_cast<clang::IntegerLiteral>(expr->IgnoreParenImpCasts());
  return literal != nullptr && literal->getValue() == 1;
}

const clang::Stmt* ParentPastCasts(const clang::Stmt* stmt,
                                   const ExpressionContext& expressions,
                                   const clang::Stmt** child) {
  *child = stmt;
  const clang::Stmt* parent = expressions.Parent(stmt);
  while (parent != nullptr && (llvm::isa<clang::ParenExpr>(parent) ||
                               llvm::isa<clang::ImplicitCastExpr>(parent))) {
    *child = parent;
    parent = expressions.Parent(parent);
  }
  return parent;
}

// True when the access `member` adds or subtracts one to its atomic.
bool StepsByOne(const clang::MemberExpr* member,
                const ExpressionContext& expressions) {
  const clang::Stmt* child = nullptr;
  const clang::Stmt* parent = ParentPastCasts(member, expressions, &child);
  if (parent == nullptr) return false;
  if (const auto* method_member = llvm::dyn_cast<clang::MemberExpr>(parent)) {
    const auto* method =
        llvm::dyn_cast<clang::CXXMethodDecl>(method_member->getMemberDecl());
    const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(
        expressions.Parent(method_member));
    return method != nullptr && call != nullptr &&
           method->getDeclName().isIdentifier() &&
           (method->getName() == "fetch_add" ||
            method->getName() == "fetch_sub") &&
           call->getNumArgs() > 0 && IsOne(call->getArg(0));
  }
  const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent);
  if (op == nullptr || op->getNumArgs() == 0 || op->getArg(0) != child)
    return false;
  switch (op->getOperator()) {
    case clang::OO_PlusPlus:
    case clang::OO_MinusMinus:
      return true;
    case clang::OO_PlusEqual:
    case clang::OO_MinusEqual:
      return op->getNumArgs() == 2 && IsOne(op->getArg(1));
    default:
      return false;
  }
}

}  // namespace

SharedClasses::SharedClasses(const AnalysisResults& results,
                             ExpressionContexts& expressions) {
  for (const FieldAccess& access : results.accesses) {
    if (access.context.deferred)
      runs_elsewhere_.insert(access.field->getParent());
    if (!IsAtomicInteger(access.field->getType())) continue;
    auto [stepped, first] = stepped_by_one_.try_emplace(access.field, true);
    if (!stepped->second) continue;
    stepped->second =
        StepsByOne(access.expr, expressions.Of(access.context.named_function));
  }
}

bool SharedClasses::IsReferenceCount(const clang::FieldDecl* field) const {
  auto it = stepped_by_one_.find(field);
  return it != stepped_by_one_.end() && it->second;
}

bool SharedClasses::IsShared(const clang::RecordDecl* record) const {
  for (const clang::FieldDecl* field : record->fields()) {
    if (IsConcurrencyPrimitive(field->getType()) && !IsReferenceCount(field))
      return true;
  }
  return runs_elsewhere_.contains(record);
}

}  // namespace lockstep::lint
