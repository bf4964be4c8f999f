// What a helper does with the locks and guards it is handed, read from its
// body: runs a callable it is given with the lock held (`WithLock(mu_, [&]
// { ... })`), or gives back the lock of the caller's guard
// (`WriteBuffered(std::unique_lock<std::mutex>& lock)` that unlocks it).
#ifndef LOCKSTEP_LINT_ANALYSIS_LOCK_PARAMETERS_H_
#define LOCKSTEP_LINT_ANALYSIS_LOCK_PARAMETERS_H_

#include <optional>

#include "clang/AST/Decl.h"

namespace lockstep::lint {

// When `callee`'s body takes the lock its parameter L is (a scoped guard
// built on L, or L.lock()/lock(L)) and, still holding it, calls its
// parameter `callable_index` (`fn()`, `std::forward<Fn>(fn)()`,
// `std::invoke(fn)`): L's index. Read from the body's own statements in
// order, so a call after an unlock, or in a branch of its own, does not
// count.
std::optional<unsigned> LockParameterHeldAroundCall(
    const clang::FunctionDecl* callee, unsigned callable_index);

// When `callee`'s body leaves the lock or guard its parameter `index` is
// released: the last lock operation on it among the body's own statements
// (not in a branch or loop of their own) is an unlock. The caller's guard
// then no longer holds its lock after the call.
bool ReleasesParameter(const clang::FunctionDecl* callee, unsigned index);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_LOCK_PARAMETERS_H_
