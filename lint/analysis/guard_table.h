// The scoped guards of one function (MutexLock, std::unique_lock, a
// project's AutoLock or AutoUnlock) and the locks each holds: declaring one
// takes its locks, its scope's end or its unlock() gives them back.
#ifndef LOCKSTEP_LINT_ANALYSIS_GUARD_TABLE_H_
#define LOCKSTEP_LINT_ANALYSIS_GUARD_TABLE_H_

#include <vector>

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/lockset.h"
#include "llvm/ADT/DenseMap.h"

namespace lockstep::lint {

// A scoped guard variable (MutexLock, std::unique_lock, ...) and the locks it
// releases when it goes out of scope.
struct Guard {
  std::vector<LockName> locks;
  bool exclusive = true;
  // An unlock guard (Chromium's AutoUnlock): its constructor released the
  // locks and its destructor takes them back.
  bool releases = false;
};

class GuardTable {
 public:
  // `var` declared: when it is a guard, record it and take (or, for an
  // unlock guard, give back) its locks in `state`.
  void Declare(const clang::VarDecl* var, Lockset* state);

  // The guard `var` lets go of its locks: its scope ended, or (`explicitly`)
  // its unlock()/release was called. An unlock guard's scope end takes
  // them back instead.
  void Release(const clang::VarDecl* var, Lockset* state,
               bool explicitly = false);

  // `stmt` declares a guard already recorded.
  bool DeclaresGuard(const clang::Stmt* stmt) const;

  // The guard variable `object` names, or null.
  const clang::VarDecl* GuardOf(const clang::Expr* object) const;

  // The recorded guard `var` (which GuardOf returned).
  Guard& operator[](const clang::VarDecl* var) { return guards_[var]; }

 private:
  bool DeclareReturned(const clang::VarDecl* var, Lockset* state);
  void DeclareFromFactory(const clang::VarDecl* var, Lockset* state);
  void AddLockArguments(const clang::CXXConstructExpr* construct, Guard* guard);

  llvm::DenseMap<const clang::VarDecl*, Guard> guards_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_GUARD_TABLE_H_
