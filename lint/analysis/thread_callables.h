// What a thread runs: the callable handed to std::thread, std::jthread or
// std::async, resolved to a function whose body is visible.
#ifndef LOCKSTEP_LINT_ANALYSIS_THREAD_CALLABLES_H_
#define LOCKSTEP_LINT_ANALYSIS_THREAD_CALLABLES_H_

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace lockstep::lint {

// True for std::thread itself (not std::jthread, which joins on destruction).
bool IsStdThread(clang::QualType type);

// The callable argument of a thread start: the first argument of a
// std::thread/std::jthread constructor with arguments, or of std::async (after
// a std::launch policy). Null for anything else, including copies and moves
// of an existing thread.
const clang::Expr* ThreadStartCallable(const clang::Expr* expr);

// The function a callable expression runs, when its body is visible: a lambda
// (its call operator), a variable initialised with a lambda, a function or
// `&Class::Method`. Null otherwise.
const clang::FunctionDecl* CallableFunction(const clang::Expr* callable);

// Strips the wrappers clang puts around an argument or initializer: implicit
// casts, parentheses, temporaries, cleanups, copies/moves of the same value.
const clang::Expr* StripWrappers(const clang::Expr* expr);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_THREAD_CALLABLES_H_
