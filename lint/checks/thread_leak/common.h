// Helpers the analyses of concurrency-thread-leak share.
#ifndef LOCKSTEP_LINT_CHECKS_THREAD_LEAK_COMMON_H_
#define LOCKSTEP_LINT_CHECKS_THREAD_LEAK_COMMON_H_

#include <initializer_list>
#include <string>

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

namespace lockstep::lint::thread_leak {

// How far calls are followed into helpers (a destructor calling Stop()
// calling JoinWorkers(), a thread body calling its loop).
inline constexpr int kMaxCallDepth = 4;

// True when `decl` is named by one of `names`.
bool NameIs(const clang::NamedDecl* decl,
            std::initializer_list<llvm::StringRef> names);

// The plain record name of a type ("condition_variable", "CondVar").
llvm::StringRef RecordName(clang::QualType type);

// The definition of `function`, when its body is visible; null otherwise.
const clang::FunctionDecl* DefinitionOf(const clang::FunctionDecl* function);

// Range-for variables over a field, by the field they iterate.
using LoopVariables =
    llvm::DenseMap<const clang::VarDecl*, const clang::FieldDecl*>;

// The field of `this` an expression denotes or reaches into: `t_`,
// `this->t_`, `threads_[i]`, `*worker_`, `worker_->`, `state_.stop`, or a
// range-for variable over a field (via `loop_vars`).
const clang::FieldDecl* FieldOf(const clang::Expr* expr,
                                const LoopVariables* loop_vars = nullptr);

// True for a value that holds no running thread: `std::thread()`, `{}`,
// `nullptr`.
bool IsDefaultConstruction(const clang::Expr* expr);

// A function for messages: "'Worker::Run'", or "a lambda in 'Worker::Start'".
std::string DescribeFunction(const clang::FunctionDecl* function);

}  // namespace lockstep::lint::thread_leak

#endif  // LOCKSTEP_LINT_CHECKS_THREAD_LEAK_COMMON_H_
