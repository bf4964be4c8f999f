#include "lint/checks/thread_leak/detached_endless_loops.h"

#include <functional>
#include <optional>
#include <vector>

#include "clang/AST/StmtCXX.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"
#include "lint/analysis/user_code.h"
#include "lint/checks/thread_leak/common.h"
#include "llvm/ADT/DenseSet.h"

namespace lockstep::lint::thread_leak {
namespace {

// True when `stmt` can leave the loop it is in: a break aimed at that loop, a
// return, a throw, a goto, or a call that does not return.
bool CanLeaveLoop(const clang::Stmt* stmt, bool in_nested_breakable) {
  if (stmt == nullptr) return false;
  if (llvm::isa<clang::LambdaExpr>(stmt)) return false;  // runs elsewhere
  if (llvm::isa<clang::BreakStmt>(stmt)) return !in_nested_breakable;
  if (llvm::isa<clang::ReturnStmt>(stmt) ||
      llvm::isa<clang::CXXThrowExpr>(stmt) ||
      llvm::isa<clang::GotoStmt>(stmt) ||
      llvm::isa<clang::IndirectGotoStmt>(stmt)) {
    return true;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee != nullptr && callee->isNoReturn()) return true;
  }
  bool nested = in_nested_breakable || llvm::isa<clang::WhileStmt>(stmt) ||
                llvm::isa<clang::ForStmt>(stmt) ||
                llvm::isa<clang::DoStmt>(stmt) ||
                llvm::isa<clang::CXXForRangeStmt>(stmt) ||
                llvm::isa<clang::SwitchStmt>(stmt);
  for (const clang::Stmt* child : stmt->children()) {
    if (CanLeaveLoop(child, nested)) return true;
  }
  return false;
}

// True when nothing in the loop body can change a local variable the
// condition reads: every use of it in the body is a plain read.
bool OnlyReadIn(const clang::Stmt* stmt, const clang::VarDecl* var,
                const ExpressionContext& expressions) {
  if (stmt == nullptr) return true;
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt)) {
    if (ref->getDecl() != var) return true;
    const auto* cast = llvm::dyn_cast_or_null<clang::ImplicitCastExpr>(
        expressions.Parent(ref));
    return cast != nullptr && cast->getCastKind() == clang::CK_LValueToRValue;
  }
  for (const clang::Stmt* child : stmt->children()) {
    if (!OnlyReadIn(child, var, expressions)) return false;
  }
  return true;
}

// True when a loop condition can never become false: absent (`for (;;)`), a
// constant, or built only of plain local variables of `function` that the
// loop (its condition, increment and body) never writes. Fields, atomics,
// references, globals and calls all count as something another thread could
// change.
bool ConditionNeverChanges(const clang::Expr* condition,
                           const clang::Stmt* loop,
                           const clang::FunctionDecl* function,
                           TranslationUnitIndex& index) {
  if (condition == nullptr) return true;
  if (condition->isValueDependent()) return false;
  bool value = false;
  if (condition->EvaluateAsBooleanCondition(value, index.context()))
    return value;
  std::vector<const clang::VarDecl*> vars;
  bool only_locals = true;
  std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* s) {
    if (s == nullptr || !only_locals) return;
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(s)) {
      const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      if (var == nullptr || !var->hasLocalStorage() ||
          llvm::isa<clang::ParmVarDecl>(var) ||
          var->getType()->isReferenceType() ||
          var->getType().isVolatileQualified() ||
          IsSynchronizationType(var->getType()) ||
          var->getParentFunctionOrMethod() != function) {
        only_locals = false;
        return;
      }
      vars.push_back(var);
      return;
    }
    if (llvm::isa<clang::CallExpr>(s) || llvm::isa<clang::MemberExpr>(s) ||
        llvm::isa<clang::CXXThisExpr>(s) ||
        llvm::isa<clang::CXXConstructExpr>(s)) {
      only_locals = false;
      return;
    }
    for (const clang::Stmt* child : s->children()) visit(child);
  };
  visit(condition);
  if (!only_locals || vars.empty()) return false;
  for (const clang::VarDecl* var : vars) {
    if (!OnlyReadIn(loop, var, index.ExpressionsOf(function))) return false;
  }
  return true;
}

struct EndlessLoop {
  const clang::Stmt* loop = nullptr;
  const clang::FunctionDecl* function = nullptr;
};

// Finds a loop that never ends in `function`'s body or in the functions it
// calls (visible bodies, a few levels deep).
std::optional<EndlessLoop> FindEndlessLoop(
    const clang::FunctionDecl* function, TranslationUnitIndex& index, int depth,
    llvm::DenseSet<const clang::FunctionDecl*>& visited) {
  function = DefinitionOf(function);
  if (function == nullptr || !visited.insert(function).second) return {};
  if (!IsUserCode(index.sources(), function->getLocation())) return {};
  std::optional<EndlessLoop> found;
  std::vector<const clang::FunctionDecl*> callees;
  std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* s) {
    if (s == nullptr || found) return;
    if (llvm::isa<clang::LambdaExpr>(s)) return;  // runs elsewhere, or later
    const clang::Expr* condition = nullptr;
    const clang::Stmt* body = nullptr;
    bool is_loop = true;
    if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(s)) {
      condition = loop->getCond();
      body = loop->getBody();
    } else if (const auto* loop = llvm::dyn_cast<clang::ForStmt>(s)) {
      condition = loop->getCond();
      body = loop->getBody();
    } else if (const auto* loop = llvm::dyn_cast<clang::DoStmt>(s)) {
      condition = loop->getCond();
      body = loop->getBody();
    } else {
      is_loop = false;
    }
    if (is_loop && ConditionNeverChanges(condition, s, function, index) &&
        !CanLeaveLoop(body, false)) {
      found = EndlessLoop{s, function};
      return;
    }
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(s)) {
      if (const clang::FunctionDecl* callee = call->getDirectCallee())
        callees.push_back(callee);
    }
    for (const clang::Stmt* child : s->children()) visit(child);
  };
  visit(function->getBody());
  if (found || depth >= kMaxCallDepth) return found;
  for (const clang::FunctionDecl* callee : callees) {
    found = FindEndlessLoop(callee, index, depth + 1, visited);
    if (found) return found;
  }
  return found;
}

}  // namespace

void ReportDetachedEndlessLoop(const clang::CXXMemberCallExpr* detach,
                               const clang::FunctionDecl* function,
                               TranslationUnitIndex& index,
                               TranslationUnitCheck& check) {
  const clang::Expr* object =
      StripWrappers(detach->getImplicitObjectArgument());
  const clang::Expr* callable = ThreadStartCallable(object);
  if (callable == nullptr) {
    // A named thread: its initializer, or the last start assigned to it
    // before the detach in the same function.
    const clang::ValueDecl* target = nullptr;
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(object)) {
      target = ref->getDecl();
      if (const auto* var = llvm::dyn_cast<clang::VarDecl>(target)) {
        if (var->getInit() != nullptr)
          callable = ThreadStartCallable(var->getInit());
      }
    } else {
      target = FieldOf(object);
    }
    if (target != nullptr && function != nullptr && function->hasBody()) {
      const clang::SourceManager& sources = index.sources();
      std::function<void(const clang::Stmt*)> visit =
          [&](const clang::Stmt* s) {
            if (s == nullptr) return;
            if (const auto* op =
                    llvm::dyn_cast<clang::CXXOperatorCallExpr>(s)) {
              if (op->getOperator() == clang::OO_Equal &&
                  op->getNumArgs() == 2 &&
                  sources.isBeforeInTranslationUnit(op->getBeginLoc(),
                                                    detach->getBeginLoc())) {
                const clang::Expr* lhs = StripWrappers(op->getArg(0));
                const clang::ValueDecl* assigned = nullptr;
                if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(lhs))
                  assigned = ref->getDecl();
                else
                  assigned = FieldOf(lhs);
                if (assigned == target) {
                  if (const clang::Expr* start =
                          ThreadStartCallable(op->getArg(1)))
                    callable = start;
                }
              }
            }
            for (const clang::Stmt* child : s->children()) visit(child);
          };
      visit(function->getBody());
    }
  }
  const clang::FunctionDecl* runs = CallableFunction(callable);
  if (runs == nullptr) return;
  llvm::DenseSet<const clang::FunctionDecl*> visited;
  std::optional<EndlessLoop> loop = FindEndlessLoop(runs, index, 0, visited);
  if (!loop) return;
  clang::SourceLocation location = detach->getExprLoc();
  if (!check.FirstReport(location)) return;
  check.diag(
      location,
      "detached thread runs an endless loop in %0 with no stop condition: "
      "nothing can stop it, and it is still running when the process exits")
      << DescribeFunction(loop->function);
  check.diag(loop->loop->getBeginLoc(),
             "this loop has no break, return or throw, and its condition never "
             "changes",
             clang::DiagnosticIDs::Note);
  check.diag(
      location,
      "give the loop a stop condition (an atomic flag, or a std::stop_token "
      "with std::jthread) and keep the thread in an owner that sets it and "
      "joins the thread",
      clang::DiagnosticIDs::Note);
}

}  // namespace lockstep::lint::thread_leak
