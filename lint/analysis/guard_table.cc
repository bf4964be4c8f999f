#include "lint/analysis/guard_table.h"

#include <optional>
#include <utility>

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_attributes.h"
#include "lint/analysis/lock_names.h"

namespace lockstep::lint {
namespace {

bool RecordNameIs(clang::QualType type, llvm::StringRef name) {
  const auto* record =
      type.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl();
  return record != nullptr && record->getQualifiedNameAsString() == name;
}

const clang::CXXConstructExpr* ConstructorOf(const clang::Expr* init) {
  if (init == nullptr) return nullptr;
  init = init->IgnoreImplicit();
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(init)) {
    return construct;
  }
  return nullptr;
}

}  // namespace

// `auto guard = mutex_.Lock();`: a lock's acquiring member that returns
// the object whose destructor releases it. The call itself took the lock
// (HandleCall); the variable holds it until its scope ends.
bool GuardTable::DeclareReturned(const clang::VarDecl* var, Lockset* state) {
  const auto* call = llvm::dyn_cast_or_null<clang::CXXMemberCallExpr>(
      var->getInit() == nullptr ? nullptr : StripWrappers(var->getInit()));
  if (call == nullptr || call->getMethodDecl() == nullptr) return false;
  const clang::Expr* object = call->getImplicitObjectArgument();
  const clang::CXXMethodDecl* method = call->getMethodDecl();
  if (object == nullptr || !IsLockOrPointerToLock(object->getType()) ||
      !(ReleasesOnDestruction(var->getType()) || ReturnsItsGuard(method))) {
    return false;
  }
  std::optional<NamedLockOperation> operation;
  if (method->getDeclName().isIdentifier()) {
    operation = LockOperationNamed(method->getName());
    // A guard a try-lock returns is tested before the section it guards
    // (`if (auto guard = mutex_.TryLock())`); the failed path rarely
    // touches what the lock guards, so it counts as held.
    if (!operation && IsTryLockName(method->getName()))
      operation = NamedLockOperation{LockEffect::kAcquires, true};
  }
  if (!operation || operation->effect != LockEffect::kAcquires) return false;
  std::optional<LockName> lock = NameLockExpr(object);
  if (!lock) return false;
  Guard guard;
  guard.exclusive = operation->exclusive;
  guard.locks.push_back(*lock);
  state->Acquire(lock->key, guard.exclusive);
  guards_[var] = std::move(guard);
  return true;
}

void GuardTable::Release(const clang::VarDecl* var, Lockset* state,
                         bool explicitly) {
  auto it = guards_.find(var);
  if (it == guards_.end()) return;
  if (it->second.releases) {
    // The unlock guard's scope ends: the lock is held again.
    if (!explicitly) {
      for (const LockName& lock : it->second.locks)
        state->Acquire(lock.key, it->second.exclusive);
    }
    return;
  }
  for (const LockName& lock : it->second.locks) {
    if (explicitly) {
      state->ReleaseExplicitly(lock.key);
    } else {
      state->Release(lock.key);
    }
  }
}

bool GuardTable::DeclaresGuard(const clang::Stmt* stmt) const {
  const auto* decl_stmt = llvm::dyn_cast<clang::DeclStmt>(stmt);
  if (decl_stmt == nullptr) return false;
  for (const clang::Decl* decl : decl_stmt->decls()) {
    const auto* var = llvm::dyn_cast<clang::VarDecl>(decl);
    if (var != nullptr && guards_.count(var) > 0) return true;
  }
  return false;
}

void GuardTable::Declare(const clang::VarDecl* var, Lockset* state) {
  if (DeclareReturned(var, state)) return;
  if (!IsScopedGuardType(var->getType())) return;
  const clang::CXXConstructExpr* construct = ConstructorOf(var->getInit());
  if (construct == nullptr) {
    DeclareFromFactory(var, state);
    return;
  }
  Guard guard;
  bool acquired = false;
  const clang::CXXConstructorDecl* ctor = construct->getConstructor();
  if (LockEffectOf(ctor) == LockEffect::kReleases) {
    guard.releases = true;
    for (const auto* attr :
         ctor->specific_attrs<clang::ReleaseCapabilityAttr>()) {
      ForEachAttrLock(
          construct, nullptr, attr->args(),
          [&](const LockName& lock) { guard.locks.push_back(lock); });
    }
    if (guard.locks.empty()) AddLockArguments(construct, &guard);
    for (const LockName& lock : guard.locks) state->ReleaseExplicitly(lock.key);
    guards_[var] = std::move(guard);
    return;
  }
  if (ctor != nullptr && ctor->hasAttrs()) {
    for (const auto* attr :
         ctor->specific_attrs<clang::AcquireCapabilityAttr>()) {
      acquired = true;
      guard.exclusive = !attr->isShared();
      ForEachAttrLock(
          construct, nullptr, attr->args(),
          [&](const LockName& lock) { guard.locks.push_back(lock); });
    }
  }
  if (!acquired) {
    // std:: guards, or an annotated guard's unannotated (deferred)
    // constructor: every lock argument is managed by the guard, and
    // std::defer_lock / std::try_to_lock leave it unlocked.
    acquired = true;
    guard.exclusive = !RecordNameIs(var->getType(), "std::shared_lock") &&
                      !AcquiresShared(ctor);
    for (const clang::Expr* arg : construct->arguments()) {
      if (RecordNameIs(arg->getType(), "std::defer_lock_t") ||
          RecordNameIs(arg->getType(), "std::try_to_lock_t")) {
        acquired = false;
        continue;
      }
    }
    AddLockArguments(construct, &guard);
  }
  if (acquired) {
    for (const LockName& lock : guard.locks)
      state->Acquire(lock.key, guard.exclusive);
  }
  guards_[var] = std::move(guard);
}

// A guard returned by a function it is given the lock to (WebKit's
// `auto locker = holdLock(m_lock);`, a project's `MakeLock(mu_)`): the
// factory builds it on that lock.
void GuardTable::DeclareFromFactory(const clang::VarDecl* var, Lockset* state) {
  if (var->getInit() == nullptr) return;
  const auto* call =
      llvm::dyn_cast<clang::CallExpr>(StripWrappers(var->getInit()));
  if (call == nullptr || llvm::isa<clang::CXXMemberCallExpr>(call) ||
      call->getDirectCallee() == nullptr ||
      !IsScopedGuardType(call->getDirectCallee()->getReturnType())) {
    return;
  }
  Guard guard;
  guard.exclusive = !RecordNameIs(var->getType(), "std::shared_lock");
  for (const clang::Expr* arg : call->arguments()) {
    if (!IsLockOrPointerToLock(arg->getType())) continue;
    if (std::optional<LockName> lock = NameLockExpr(arg))
      guard.locks.push_back(*lock);
  }
  if (guard.locks.empty()) return;
  for (const LockName& lock : guard.locks)
    state->Acquire(lock.key, guard.exclusive);
  guards_[var] = std::move(guard);
}

// Every lock among a guard's constructor arguments, and the locks of a
// guard it is given (boost::upgrade_to_unique_lock over an upgrade_lock).
void GuardTable::AddLockArguments(const clang::CXXConstructExpr* construct,
                                  Guard* guard) {
  for (const clang::Expr* arg : construct->arguments()) {
    if (const clang::VarDecl* other = GuardOf(arg)) {
      const Guard& given = guards_.find(other)->second;
      guard->locks.insert(guard->locks.end(), given.locks.begin(),
                          given.locks.end());
      continue;
    }
    if (IsLockOrPointerToLock(arg->getType())) {
      if (std::optional<LockName> lock = NameLockExpr(arg)) {
        guard->locks.push_back(*lock);
      }
    }
  }
}

const clang::VarDecl* GuardTable::GuardOf(const clang::Expr* object) const {
  if (object == nullptr) return nullptr;
  const auto* ref =
      llvm::dyn_cast<clang::DeclRefExpr>(object->IgnoreParenImpCasts());
  if (ref == nullptr) return nullptr;
  const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
  return var != nullptr && guards_.count(var) > 0 ? var : nullptr;
}

}  // namespace lockstep::lint
