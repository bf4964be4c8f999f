#include "lint/checks/thread_leak/unjoined_local_threads.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "lint/analysis/cfg_dataflow.h"
#include "lint/analysis/expression_context.h"
#include "lint/checks/thread_leak/common.h"
#include "llvm/ADT/DenseSet.h"

namespace lockstep::lint::thread_leak {
namespace {

enum class ExitKind { kReturn, kThrow, kScopeEnd };

struct Exit {
  clang::SourceLocation location;
  ExitKind kind;
};

// True when a use of `ref` cannot end the thread's joinability or hand it
// off: `t.get_id()`, `t.native_handle()`. Anything else (join, detach,
// joinable, std::move, passing it on) ends the tracking: precision first.
bool IsHarmlessUse(const ExpressionContext& expressions,
                   const clang::DeclRefExpr* ref) {
  const clang::Stmt* parent = expressions.Parent(ref);
  while (parent != nullptr && llvm::isa<clang::ImplicitCastExpr>(parent))
    parent = expressions.Parent(parent);
  const auto* member = llvm::dyn_cast_or_null<clang::MemberExpr>(parent);
  return member != nullptr &&
         NameIs(member->getMemberDecl(), {"get_id", "native_handle"});
}

bool StartsJoinable(const clang::VarDecl* var) {
  if (var->getInit() == nullptr) return false;
  return !IsDefaultConstruction(var->getInit());
}

// The try statement whose handlers catch an exception thrown at `stmt`, when
// it is inside `body`.
const clang::CXXTryStmt* CatchingTry(const ExpressionContext& expressions,
                                     const clang::Stmt* stmt) {
  const clang::Stmt* child = stmt;
  for (const clang::Stmt* parent = expressions.Parent(stmt); parent != nullptr;
       parent = expressions.Parent(parent)) {
    if (const auto* try_stmt = llvm::dyn_cast<clang::CXXTryStmt>(parent)) {
      if (try_stmt->getTryBlock() == child) return try_stmt;
    }
    child = parent;
  }
  return nullptr;
}

bool Contains(const clang::SourceManager& sources, const clang::Stmt* outer,
              clang::SourceLocation location) {
  return sources.isPointWithin(sources.getExpansionLoc(location),
                               sources.getExpansionLoc(outer->getBeginLoc()),
                               sources.getExpansionLoc(outer->getEndLoc()));
}

// Forward "may still be joinable" dataflow for one thread variable over the
// CFG of the function that declares it. Returns where it can leave its scope
// joinable, in source order.
std::vector<Exit> UnjoinedExits(const clang::FunctionDecl* function,
                                const clang::VarDecl* var,
                                TranslationUnitIndex& index) {
  std::unique_ptr<clang::CFG> cfg =
      BuildAnalysisCfg(function, function->getBody(), index.context());
  if (cfg == nullptr) return {};
  const clang::SourceManager& sources = index.sources();
  const ExpressionContext& expressions = index.ExpressionsOf(function);

  std::vector<Exit> exits;
  llvm::DenseSet<const void*> exit_seen;
  bool recording = false;
  auto add_exit = [&](const void* key, clang::SourceLocation location,
                      ExitKind kind) {
    if (recording && exit_seen.insert(key).second)
      exits.push_back(Exit{location, kind});
  };

  auto transfer = [&](const clang::CFGBlock& block, bool live, bool record) {
    recording = record;
    for (const clang::CFGElement& element : block) {
      if (auto dtor = element.getAs<clang::CFGAutomaticObjDtor>()) {
        if (dtor->getVarDecl() != var || !live) continue;
        const clang::Stmt* trigger = dtor->getTriggerStmt();
        if (trigger == nullptr) {
          add_exit(var, var->getLocation(), ExitKind::kScopeEnd);
        } else if (const auto* ret =
                       llvm::dyn_cast<clang::ReturnStmt>(trigger)) {
          add_exit(ret, ret->getBeginLoc(), ExitKind::kReturn);
        } else if (llvm::isa<clang::CompoundStmt>(trigger)) {
          add_exit(trigger, trigger->getEndLoc(), ExitKind::kScopeEnd);
        } else {
          add_exit(trigger, trigger->getBeginLoc(), ExitKind::kScopeEnd);
        }
        live = false;
        continue;
      }
      auto stmt_element = element.getAs<clang::CFGStmt>();
      if (!stmt_element) continue;
      const clang::Stmt* stmt = stmt_element->getStmt();
      if (const auto* decl = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
        if (decl->isSingleDecl() && decl->getSingleDecl() == var)
          live = StartsJoinable(var);
      } else if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt)) {
        if (ref->getDecl() == var && !IsHarmlessUse(expressions, ref))
          live = false;
      } else if (const auto* op =
                     llvm::dyn_cast<clang::CXXOperatorCallExpr>(stmt)) {
        // `t = std::thread(...)` after the reference to `t` ended tracking.
        if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2) {
          const auto* target =
              llvm::dyn_cast<clang::DeclRefExpr>(StripWrappers(op->getArg(0)));
          if (target != nullptr && target->getDecl() == var)
            live = !IsDefaultConstruction(op->getArg(1));
        }
      } else if (const auto* throw_expr =
                     llvm::dyn_cast<clang::CXXThrowExpr>(stmt)) {
        if (!live) continue;
        const clang::CXXTryStmt* try_stmt =
            CatchingTry(expressions, throw_expr);
        // Unwinding destroys the thread unless the handler is in its scope.
        if (try_stmt == nullptr ||
            Contains(sources, try_stmt->getTryBlock(), var->getLocation())) {
          add_exit(throw_expr, throw_expr->getBeginLoc(), ExitKind::kThrow);
          live = false;
        }
      }
    }
    return live;
  };

  // Whether the thread may be joinable on entry to each block: it is on some
  // path, so the states can only grow, once each.
  std::vector<std::optional<bool>> in = SolveForward(
      *cfg, false,
      [&](const clang::CFGBlock& block, bool* live) {
        *live = transfer(block, *live, /*record=*/false);
      },
      [](const clang::CFGBlock&, unsigned, bool*) {},
      [](bool* into, bool from) {
        if (*into || !from) return false;
        *into = true;
        return true;
      },
      kUnboundedPasses);
  ForEachReachedBlock(*cfg, in, [&](const clang::CFGBlock& block, bool* live) {
    transfer(block, *live, /*record=*/true);
  });
  std::stable_sort(
      exits.begin(), exits.end(), [&](const Exit& a, const Exit& b) {
        return sources.isBeforeInTranslationUnit(a.location, b.location);
      });
  return exits;
}

}  // namespace

void ReportUnjoinedLocalThread(const clang::VarDecl* var,
                               TranslationUnitIndex& index,
                               TranslationUnitCheck& check) {
  const auto* function = llvm::dyn_cast_or_null<clang::FunctionDecl>(
      var->getParentFunctionOrMethod());
  if (function == nullptr || function->getBody() == nullptr) return;
  std::vector<Exit> exits = UnjoinedExits(function, var, index);
  if (exits.empty() || !check.FirstReport(var->getLocation())) return;
  std::string name = var->getNameAsString();
  check.diag(
      var->getLocation(),
      "std::thread '%0' can be destroyed while still joinable, which calls "
      "std::terminate: it is not joined or detached on every path")
      << name;
  const Exit& exit = exits.front();
  const char* note =
      exit.kind == ExitKind::kReturn
          ? "'%0' is still joinable when the function returns here"
      : exit.kind == ExitKind::kThrow
          ? "'%0' is still joinable when this exception leaves its scope"
          : "'%0' goes out of scope here without join() or detach()";
  check.diag(exit.location, note, clang::DiagnosticIDs::Note) << name;
  check.diag(
      var->getLocation(),
      "join it on every path out of the scope (or use std::jthread, which "
      "joins on destruction)",
      clang::DiagnosticIDs::Note);
}

}  // namespace lockstep::lint::thread_leak
