#include "lint/analysis/lock_attributes.h"

#include <optional>
#include <vector>

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace lockstep::lint {
namespace {

// What `callee`'s body does to a lock, if anything.
std::optional<NamedLockOperation> BodyLockOperation(
    const clang::FunctionDecl* callee) {
  LockEffect effect = LockEffectOf(callee);
  if (effect == LockEffect::kNone) return std::nullopt;
  return NamedLockOperation{effect, !AcquiresShared(callee)};
}

}  // namespace

const clang::Expr* CallObject(const clang::CallExpr* call) {
  if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
    return member->getImplicitObjectArgument();
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(call)) {
    if (llvm::isa_and_nonnull<clang::CXXMethodDecl>(op->getDirectCallee()) &&
        op->getNumArgs() > 0) {
      return op->getArg(0);
    }
  }
  return nullptr;
}

bool EvaluatesTrue(const clang::Expr* value, clang::ASTContext& context) {
  bool result = true;
  if (value != nullptr && !value->isValueDependent()) {
    value->EvaluateAsBooleanCondition(result, context);
  }
  return result;
}

void ForEachAttrLock(const clang::Expr* call_or_construct,
                     const clang::Expr* object,
                     llvm::iterator_range<clang::Expr**> args,
                     llvm::function_ref<void(const LockName&)> fn) {
  const clang::FunctionDecl* callee = nullptr;
  // A member operator's object is its first argument, not a parameter.
  unsigned offset = 0;
  std::vector<const clang::Expr*> call_args;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(call_or_construct)) {
    callee = call->getDirectCallee();
    call_args.assign(call->arg_begin(), call->arg_end());
    if (llvm::isa<clang::CXXOperatorCallExpr>(call) &&
        llvm::isa_and_nonnull<clang::CXXMethodDecl>(callee)) {
      offset = 1;
    }
  } else if (const auto* construct =
                 llvm::dyn_cast<clang::CXXConstructExpr>(call_or_construct)) {
    callee = construct->getConstructor();
    call_args.assign(construct->arg_begin(), construct->arg_end());
  }
  if (args.begin() == args.end()) {
    if (object != nullptr) {
      if (std::optional<LockName> lock = NameLockExpr(object)) fn(*lock);
    }
    return;
  }
  for (const clang::Expr* arg : args) {
    const clang::Expr* stripped = arg->IgnoreParenImpCasts();
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stripped)) {
      if (const auto* param =
              llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl())) {
        unsigned index = param->getFunctionScopeIndex() + offset;
        if (callee != nullptr && index < call_args.size()) {
          if (std::optional<LockName> lock = NameLockExpr(call_args[index]))
            fn(*lock);
        }
        continue;
      }
    }
    if (std::optional<LockName> lock = NameLockExpr(arg, object)) fn(*lock);
  }
}

std::optional<NamedLockOperation> LockOperationOfMember(
    llvm::StringRef name, const clang::FunctionDecl* callee) {
  if (std::optional<NamedLockOperation> named = LockOperationNamed(name))
    return named;
  return BodyLockOperation(callee);
}

std::optional<NamedLockOperation> FreeLockCallOperation(
    const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr || !callee->getDeclName().isIdentifier() ||
      call->getNumArgs() == 0) {
    return std::nullopt;
  }
  std::optional<NamedLockOperation> operation =
      PlatformLockOperation(callee->getName());
  if (operation) return operation;
  // A project's wrapper (libuv's uv_mutex_lock(&mu_)): what its body does to
  // the lock it is given.
  clang::QualType given = call->getArg(0)->getType();
  if (IsLockOrPointerToLock(given) || IsStructHoldingALock(given))
    operation = BodyLockOperation(callee);
  // Or of a lock whose type says nothing (OpenSSL's CRYPTO_RWLOCK, a
  // `void`): what its body does to its parameter.
  if (!operation && given->isPointerType())
    operation = ParameterLockOperation(callee);
  // Or of a C library's lock, declared only or built on atomics
  // (`sqlite3_mutex_enter(mutex_)`, `rte_spinlock_lock(&sl_)`).
  if (!operation &&
      IsLockNamedStruct(given->isPointerType() ? given->getPointeeType()
                                               : given)) {
    operation = FreeLockOperationNamed(callee->getName());
  }
  return operation;
}

}  // namespace lockstep::lint
