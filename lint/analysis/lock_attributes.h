// What a call does to locks, read at the call site: which locks an
// `ACQUIRE(...)`/`RELEASE(...)`/`TRY_ACQUIRE(...)` on the callee names there,
// what a try-lock's success value is, and what an unannotated lock function
// or lock member does.
#ifndef LOCKSTEP_LINT_ANALYSIS_LOCK_ATTRIBUTES_H_
#define LOCKSTEP_LINT_ANALYSIS_LOCK_ATTRIBUTES_H_

#include <optional>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/lock_names.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/iterator_range.h"

namespace lockstep::lint {

// The object a call runs on: a member call's implicit object, or a member
// operator's first argument (`guard->Unlock()`, `(*lock)()`); null otherwise.
const clang::Expr* CallObject(const clang::CallExpr* call);

// A try-lock attribute's success value (`TRY_ACQUIRE(true, mu_)`), true when
// it cannot be evaluated.
bool EvaluatesTrue(const clang::Expr* value, clang::ASTContext& context);

// Calls `fn` with each lock an attribute's arguments name at a call or
// construction: no arguments means the object itself; a parameter means the
// matching argument; a member of the callee's class means that member of
// the call's object.
void ForEachAttrLock(const clang::Expr* call_or_construct,
                     const clang::Expr* object,
                     llvm::iterator_range<clang::Expr**> args,
                     llvm::function_ref<void(const LockName&)> fn);

// What a call of a lock's member does (`mu_.Lock()`, V8's
// `SharedMutex::LockExclusive()`): its name says, else its body does.
std::optional<NamedLockOperation> LockOperationOfMember(
    llvm::StringRef name, const clang::FunctionDecl* callee);

// What an unannotated free function call does to the lock its first
// argument names: a platform's lock function (`pthread_mutex_lock(&mu_)`,
// `EnterCriticalSection(&cs_)`), a project's wrapper of one (what its body
// does to the lock it is given), or a C library's lock function
// (`sqlite3_mutex_enter(mutex_)`). Nothing for any other call.
std::optional<NamedLockOperation> FreeLockCallOperation(
    const clang::CallExpr* call);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_LOCK_ATTRIBUTES_H_
