// Flow-sensitive lockset analysis of one function body.
//
// FunctionAnalyzer walks the function's CFG (clang::CFG, with implicit
// destructors so that scoped guards release at every exit), computes the set
// of locks that is held on every path to each statement (intersection at
// joins), and records every access to a field of `this` together with that
// lockset. Lambdas are analyzed as part of their enclosing function: a lambda
// handed to a thread or stored for later starts with no locks held; any other
// lambda runs where it is written and inherits the enclosing lockset.
#ifndef LOCKSTEP_LINT_ANALYSIS_FUNCTION_ANALYZER_H_
#define LOCKSTEP_LINT_ANALYSIS_FUNCTION_ANALYZER_H_

#include <set>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lockset.h"
#include "llvm/ADT/DenseMap.h"

namespace lockstep::lint {

// Where a piece of code runs, as far as locking rules are concerned.
struct FunctionContext {
  // The enclosing named function (not a lambda), for messages.
  const clang::FunctionDecl* named_function = nullptr;
  // Inside a lambda handed to a thread or stored to run later.
  bool deferred = false;
  // Inside any lambda, deferred or run in place.
  bool in_lambda = false;
  // That lambda (the innermost deferred one), when `deferred`.
  const clang::LambdaExpr* deferred_lambda = nullptr;
  // Runs while the object is being built or torn down: a constructor, a
  // destructor, or a helper only ever called from them.
  bool init_only = false;
  // Marked NO_THREAD_SAFETY_ANALYSIS.
  bool no_analysis = false;
};

// One read or write of a field of `this`.
struct FieldAccess {
  const clang::FieldDecl* field = nullptr;
  const clang::MemberExpr* expr = nullptr;
  bool is_write = false;
  // The field's pointee is used (*p_, p_->x, p_[i]): what PT_GUARDED_BY guards.
  bool is_dereference = false;
  // A reference or pointer to the field is returned from the function, by
  // that return statement.
  bool escapes = false;
  const clang::ReturnStmt* escaping_return = nullptr;
  Lockset held;
  // Locks the function held on entry (REQUIRES, or inferred for helpers).
  Lockset entry_held;
  // Locks the function explicitly released before this access and takes
  // again later: the access sits in a window the code opened on purpose
  // (`mu_.Unlock(); WriteToDisk(); mu_.Lock();`).
  std::set<std::string> in_unlock_window;
  FunctionContext context;
  // For an access to a field of another object of the method's own class
  // (`other.count_` in a copy constructor or operator=), the key of that
  // object as NameLockExpr names it ("local:other"): its locks are that key
  // followed by the lock field's name. Empty for fields of `this`.
  std::string object;
  // For an access through a C function's receiver (`s->count`, see
  // StructReceiver), the receiver's key ("local:s"); its locks are already
  // named as `this`'s in `held`. Empty for fields of `this`.
  std::string receiver;
};

// A call to a method: of the same object (`Helper()`, `this->Helper()`), or
// of another object (`impl_->Helper()`, `other.Helper()`), whose locks the
// caller's lockset names differently. A C function given a struct it works
// on (StructReceiver) counts as a method of that struct.
struct MethodCall {
  const clang::FunctionDecl* callee = nullptr;
  Lockset held;
  FunctionContext context;
  bool on_this = true;
};

// Everything FunctionAnalyzer learns, accumulated over many functions.
struct AnalysisResults {
  std::vector<FieldAccess> accesses;
  // Accesses to fields of other objects of the method's class, kept apart:
  // they take no part in inferring a guard, only in checking one.
  std::vector<FieldAccess> other_object_accesses;
  std::vector<MethodCall> calls;
  // The lockset at each MemberExpr and DeclRefExpr analysed.
  llvm::DenseMap<const clang::Stmt*, Lockset> lockset_at;
};

class FunctionAnalyzer {
 public:
  // `expressions` holds the parent index of each function analyzed.
  FunctionAnalyzer(clang::ASTContext& context, ExpressionContexts* expressions)
      : context_(context), expressions_(expressions) {}

  // Analyzes `function`'s body starting from `entry` and appends to `results`.
  void Analyze(const clang::FunctionDecl* function, const Lockset& entry,
               const FunctionContext& function_context,
               AnalysisResults* results);

 private:
  clang::ASTContext& context_;
  ExpressionContexts* expressions_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_FUNCTION_ANALYZER_H_
