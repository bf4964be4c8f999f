// Points in a function where another thread's work is known to be over:
// join() on a thread, get()/wait() on a future.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_EVENTS_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_EVENTS_H_

#include <vector>

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"

namespace lockstep::lint {

// Calls `visit` on `stmt` and every statement under it, lambda bodies
// included.
template <typename Visit>
void ForEachStmt(const clang::Stmt* stmt, const Visit& visit) {
  if (stmt == nullptr) return;
  visit(stmt);
  for (const clang::Stmt* child : stmt->children()) ForEachStmt(child, visit);
}

// join()/Join() on anything, get()/wait() on a std::future.
bool IsJoinCall(const clang::CXXMemberCallExpr* call);

// The locations of the join calls in `function`'s body.
std::vector<clang::SourceLocation> JoinLocations(
    const clang::FunctionDecl* function);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_EVENTS_H_
