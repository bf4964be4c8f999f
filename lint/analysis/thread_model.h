// What counts as a thread, a thread start and a join: the one definition of
// each that every check reads.
#ifndef LOCKSTEP_LINT_ANALYSIS_THREAD_MODEL_H_
#define LOCKSTEP_LINT_ANALYSIS_THREAD_MODEL_H_

#include <vector>

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace lockstep::lint {

// True for std::thread / std::jthread.
bool IsThreadType(clang::QualType type);

// True for std::thread itself (not std::jthread, which joins on destruction).
bool IsStdThread(clang::QualType type);

// True when the object of a member call is a std::thread: `t.join()` and
// `t->join()` alike.
bool IsStdThreadObject(const clang::Expr* object);

// A type that holds threads: std::thread itself, or a container or owner
// whose value_type or element_type is one (vector, deque, array, optional,
// unique_ptr, absl::InlinedVector, ...).
bool HoldsThreads(clang::QualType type);

// True for types that need no lock whatever the code does with them:
// synchronization objects (locks, atomics, condition variables, ...) and
// threads.
bool IsConcurrencyPrimitive(clang::QualType type);

// The callable argument of a thread start: the first argument of a
// std::thread/std::jthread constructor with arguments, or of std::async (after
// a std::launch policy), or of a call that constructs the thread in place
// (`threads.emplace_back(callable)`,
// `std::make_unique<std::thread>(callable)`). Null for anything else, including
// copies and moves of an existing thread.
const clang::Expr* ThreadStartCallable(const clang::Expr* expr);

// The function a callable expression runs, when its body is visible: a lambda
// (its call operator), a variable initialised with a lambda, a function or
// `&Class::Method`. Null otherwise.
const clang::FunctionDecl* CallableFunction(const clang::Expr* callable);

// A point where another thread's work is known to be over: join()/Join() on
// anything, get()/wait() on a std::future.
bool IsJoinCall(const clang::CXXMemberCallExpr* call);

// The C thread APIs' joins, which take the thread as an argument:
// POSIX's pthread_join, C11's thrd_join, libuv's, GLib's, APR's, NSPR's.
bool IsPlatformJoinCall(const clang::Stmt* stmt);

// The locations of the join calls (members or IsPlatformJoinCall) in
// `function`'s body, lambdas included, and of the waits that drain the
// object's own work (a loop waiting on a condition until the object's state
// says its background work is done).
// A join in a block that ends by returning or throwing is left out: the
// code after that block never runs after it.
std::vector<clang::SourceLocation> JoinLocations(
    const clang::FunctionDecl* function);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_THREAD_MODEL_H_
