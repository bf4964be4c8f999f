#include "lint/checks/thread_leak_check.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "lint/analysis/cfg_dataflow.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"
#include "lint/analysis/user_code.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace lockstep::lint {
namespace {

// How far calls are followed into helpers (a destructor calling Stop()
// calling JoinWorkers(), a thread body calling its loop).
constexpr int kMaxCallDepth = 4;

bool NameIs(const clang::NamedDecl* decl,
            std::initializer_list<llvm::StringRef> names) {
  if (decl == nullptr || !decl->getDeclName().isIdentifier()) return false;
  for (llvm::StringRef name : names) {
    if (decl->getName() == name) return true;
  }
  return false;
}

// The plain record name of a type ("condition_variable", "CondVar").
llvm::StringRef RecordName(clang::QualType type) {
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
  if (record == nullptr || !record->getDeclName().isIdentifier()) return "";
  return record->getName();
}

const clang::FunctionDecl* DefinitionOf(const clang::FunctionDecl* function) {
  if (function == nullptr) return nullptr;
  const clang::FunctionDecl* definition = nullptr;
  if (!function->hasBody(definition)) return nullptr;
  return definition;
}

// The field of `this` an expression denotes or reaches into: `t_`,
// `this->t_`, `threads_[i]`, `*worker_`, `worker_->`, `state_.stop`, or a
// range-for variable over a field (via `loop_vars`).
const clang::FieldDecl* FieldOf(
    const clang::Expr* expr,
    const llvm::DenseMap<const clang::VarDecl*, const clang::FieldDecl*>*
        loop_vars = nullptr) {
  for (int steps = 0; expr != nullptr && steps < 16; ++steps) {
    expr = StripWrappers(expr);
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) {
      const clang::Expr* base = StripWrappers(member->getBase());
      if (llvm::isa<clang::CXXThisExpr>(base)) {
        return llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
      }
      expr = base;
    } else if (const auto* subscript =
                   llvm::dyn_cast<clang::ArraySubscriptExpr>(expr)) {
      expr = subscript->getBase();
    } else if (const auto* op =
                   llvm::dyn_cast<clang::CXXOperatorCallExpr>(expr)) {
      if (op->getNumArgs() == 0) return nullptr;
      auto kind = op->getOperator();
      if (kind != clang::OO_Subscript && kind != clang::OO_Arrow &&
          kind != clang::OO_Star) {
        return nullptr;
      }
      expr = op->getArg(0);
    } else if (const auto* call =
                   llvm::dyn_cast<clang::CXXMemberCallExpr>(expr)) {
      if (!NameIs(call->getMethodDecl(),
                  {"value", "get", "front", "back", "at"})) {
        return nullptr;
      }
      expr = call->getImplicitObjectArgument();
    } else if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr)) {
      if (unary->getOpcode() != clang::UO_Deref) return nullptr;
      expr = unary->getSubExpr();
    } else if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
      if (loop_vars == nullptr) return nullptr;
      const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      auto found = loop_vars->find(var);
      return found == loop_vars->end() ? nullptr : found->second;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

// True for a value that holds no running thread: `std::thread()`, `{}`,
// `nullptr`.
bool IsDefaultConstruction(const clang::Expr* expr) {
  expr = StripWrappers(expr);
  if (expr == nullptr) return true;
  if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(expr)) {
    if (construct->getNumArgs() == 0) return true;
    return construct->getNumArgs() == 1 &&
           IsDefaultConstruction(construct->getArg(0)) &&
           !construct->getConstructor()->isCopyOrMoveConstructor();
  }
  if (const auto* list = llvm::dyn_cast<clang::InitListExpr>(expr))
    return list->getNumInits() == 0;
  return llvm::isa<clang::CXXNullPtrLiteralExpr>(expr) ||
         llvm::isa<clang::GNUNullExpr>(expr);
}

// ------------------------------------------------------------ local threads

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

// ---------------------------------------------------------- endless loops

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

std::string DescribeFunction(const clang::FunctionDecl* function) {
  std::string name = FunctionDisplayName(function);
  if (llvm::StringRef(name).startswith("a lambda")) return name;
  return "'" + name + "'";
}

// ---------------------------------------------------------- member threads

// What a destructor path (or a thread start's method) does, in order.
enum class EventKind {
  kJoin,     // join() on a thread field
  kDetach,   // detach() on a thread field
  kHandOff,  // the field moved, swapped, iterated or passed on
  kNotify,   // notify_one/notify_all/Signal/SignalAll on anything
  kWrite,    // a field written (assignment, ++, a non-const method)
  kUnknown,  // a call into this class we cannot see: anything may happen
};

struct Event {
  EventKind kind;
  const clang::FieldDecl* field = nullptr;
  const clang::Expr* expr = nullptr;
};

// Walks a function body in source order, following calls to methods of the
// class whose bodies are visible, and records what happens to its fields.
class EventCollector : public clang::RecursiveASTVisitor<EventCollector> {
 public:
  explicit EventCollector(std::vector<Event>* out) : out_(out) {}

  void Collect(const clang::FunctionDecl* function) {
    function = DefinitionOf(function);
    if (function == nullptr) return;
    if (!visited_.insert(function).second) return;
    TraverseStmt(function->getBody());
  }

  // Lambdas run later or elsewhere: not part of this path.
  bool TraverseLambdaExpr(clang::LambdaExpr*) { return true; }

  bool TraverseCXXForRangeStmt(clang::CXXForRangeStmt* loop) {
    if (const clang::FieldDecl* field = FieldOf(loop->getRangeInit()))
      loop_vars_[loop->getLoopVariable()] = field;
    return clang::RecursiveASTVisitor<EventCollector>::TraverseCXXForRangeStmt(
        loop);
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    if (method == nullptr) return true;
    const clang::Expr* object =
        StripWrappers(call->getImplicitObjectArgument());
    if (object != nullptr && llvm::isa<clang::CXXThisExpr>(object)) {
      Inline(method, call);
      return true;
    }
    const clang::FieldDecl* field = FieldOf(object, &loop_vars_);
    if (NameIs(method, {"join", "detach"}) && IsStdThreadObject(object)) {
      if (field != nullptr) {
        Add(NameIs(method, {"join"}) ? EventKind::kJoin : EventKind::kDetach,
            field, call);
      }
    } else if (NameIs(method,
                      {"notify_one", "notify_all", "Signal", "SignalAll"})) {
      Add(EventKind::kNotify, nullptr, call);
    } else if (field != nullptr) {
      if (NameIs(method, {"begin", "end", "cbegin", "cend", "swap"})) {
        Add(EventKind::kHandOff, field, call);
      } else if (!method->isConst()) {
        Add(EventKind::kWrite, field, call);
      }
    }
    AddArguments(call);
    return true;
  }

  bool VisitCallExpr(clang::CallExpr* call) {
    if (llvm::isa<clang::CXXMemberCallExpr>(call) ||
        llvm::isa<clang::CXXOperatorCallExpr>(call)) {
      return true;
    }
    AddArguments(call);
    return true;
  }

  bool VisitCXXOperatorCallExpr(clang::CXXOperatorCallExpr* op) {
    if (op->getNumArgs() == 0) return true;
    if (op->isAssignmentOp() || op->getOperator() == clang::OO_PlusPlus ||
        op->getOperator() == clang::OO_MinusMinus) {
      if (const clang::FieldDecl* field = FieldOf(op->getArg(0), &loop_vars_))
        Add(EventKind::kWrite, field, op);
    }
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator* binary) {
    if (binary->isAssignmentOp()) {
      if (const clang::FieldDecl* field = FieldOf(binary->getLHS()))
        Add(EventKind::kWrite, field, binary);
    }
    return true;
  }

  bool VisitUnaryOperator(clang::UnaryOperator* unary) {
    if (unary->isIncrementDecrementOp()) {
      if (const clang::FieldDecl* field = FieldOf(unary->getSubExpr()))
        Add(EventKind::kWrite, field, unary);
    } else if (unary->getOpcode() == clang::UO_AddrOf) {
      if (const clang::FieldDecl* field = FieldOf(unary->getSubExpr()))
        Add(EventKind::kHandOff, field, unary);
    }
    return true;
  }

 private:
  void Inline(const clang::CXXMethodDecl* method, const clang::Expr* call) {
    const clang::FunctionDecl* definition = DefinitionOf(method);
    if (definition == nullptr || definition->isDefaulted()) {
      if (definition == nullptr) Add(EventKind::kUnknown, nullptr, call);
      return;
    }
    if (depth_ >= kMaxCallDepth) {
      Add(EventKind::kUnknown, nullptr, call);
      return;
    }
    if (!visited_.insert(definition).second) return;
    ++depth_;
    TraverseStmt(definition->getBody());
    --depth_;
  }

  // A field passed to any call (std::move(t_), JoinAll(threads_), swap) is
  // handed off; `this` passed to a call we do not follow may do anything.
  void AddArguments(const clang::CallExpr* call) {
    for (const clang::Expr* arg : call->arguments()) {
      const clang::Expr* stripped = StripWrappers(arg);
      if (stripped != nullptr && llvm::isa<clang::CXXThisExpr>(stripped)) {
        Add(EventKind::kUnknown, nullptr, call);
      } else if (const clang::FieldDecl* field = FieldOf(arg, &loop_vars_)) {
        Add(EventKind::kHandOff, field, call);
      }
    }
  }

  void Add(EventKind kind, const clang::FieldDecl* field,
           const clang::Expr* expr) {
    out_->push_back(Event{kind, field, expr});
  }

  std::vector<Event>* out_;
  llvm::DenseSet<const clang::FunctionDecl*> visited_;
  llvm::DenseMap<const clang::VarDecl*, const clang::FieldDecl*> loop_vars_;
  int depth_ = 0;
};

// Where a thread field is started, and with what.
struct Start {
  const clang::FieldDecl* field = nullptr;
  const clang::Expr* expr = nullptr;      // the assignment, emplace_back, ...
  const clang::Expr* callable = nullptr;  // may be null
  const clang::FunctionDecl* method = nullptr;
};

const clang::Expr* CallableOfStartArgument(const clang::Expr* arg) {
  if (const clang::Expr* callable = ThreadStartCallable(arg)) return callable;
  const clang::Expr* stripped = StripWrappers(arg);
  // std::make_unique<std::thread>(callable) and new std::thread(callable).
  if (const auto* call = llvm::dyn_cast_or_null<clang::CallExpr>(stripped)) {
    if (call->getNumArgs() > 0 && !IsStdThread(call->getArg(0)->getType()))
      return call->getArg(0);
  }
  if (const auto* new_expr =
          llvm::dyn_cast_or_null<clang::CXXNewExpr>(stripped))
    return ThreadStartCallable(new_expr->getConstructExpr());
  return nullptr;
}

class StartFinder : public clang::RecursiveASTVisitor<StartFinder> {
 public:
  StartFinder(const llvm::DenseSet<const clang::FieldDecl*>& fields,
              const clang::FunctionDecl* method, std::vector<Start>* out)
      : fields_(fields), method_(method), out_(out) {}

  bool VisitCXXOperatorCallExpr(clang::CXXOperatorCallExpr* op) {
    if (op->getOperator() != clang::OO_Equal || op->getNumArgs() != 2)
      return true;
    const clang::FieldDecl* field = FieldOf(op->getArg(0));
    if (field == nullptr || !fields_.contains(field)) return true;
    const clang::Expr* value = StripWrappers(op->getArg(1));
    if (IsDefaultConstruction(value) ||
        llvm::isa<clang::CXXNullPtrLiteralExpr>(value)) {
      return true;
    }
    out_->push_back(
        Start{field, op, CallableOfStartArgument(op->getArg(1)), method_});
    return true;
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const clang::FieldDecl* field = FieldOf(call->getImplicitObjectArgument());
    if (field == nullptr || !fields_.contains(field) ||
        call->getNumArgs() == 0 ||
        !NameIs(call->getMethodDecl(),
                {"emplace_back", "push_back", "emplace", "emplace_front",
                 "push_front", "insert", "reset"})) {
      return true;
    }
    const clang::Expr* arg = call->getArg(0);
    const clang::Expr* callable =
        IsStdThread(arg->getType()) || arg->getType()->isPointerType()
            ? CallableOfStartArgument(arg)
            : arg;
    out_->push_back(Start{field, call, callable, method_});
    return true;
  }

  bool TraverseLambdaExpr(clang::LambdaExpr* lambda) {
    return TraverseStmt(lambda->getBody());
  }

 private:
  const llvm::DenseSet<const clang::FieldDecl*>& fields_;
  const clang::FunctionDecl* method_;
  std::vector<Start>* out_;
};

// A wait a thread can block in, and the fields its predicate reads.
struct Wait {
  const clang::Expr* call = nullptr;
  std::vector<const clang::FieldDecl*> reads;
  bool opaque = false;  // reads something other than fields of the class
};

class PredicateReader {
 public:
  explicit PredicateReader(const clang::CXXRecordDecl* record)
      : record_(record) {}

  void Read(const clang::Stmt* stmt, int depth = 0) {
    if (stmt == nullptr || opaque) return;
    if (const auto* expr = llvm::dyn_cast<clang::Expr>(stmt)) {
      const clang::Expr* stripped = StripWrappers(expr);
      if (const auto* lambda =
              llvm::dyn_cast_or_null<clang::LambdaExpr>(stripped)) {
        Read(lambda->getBody(), depth);
        return;
      }
    }
    if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(stmt)) {
      const auto* field =
          llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
      if (const clang::FieldDecl* outer = FieldOf(member)) {
        AddRead(outer);
        return;
      }
      if (field != nullptr && field->getParent() == record_) {
        AddRead(field);  // through a pointer parameter: c->done_
        return;
      }
    }
    if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt)) {
      if (const auto* method =
              llvm::dyn_cast<clang::CXXMethodDecl>(ref->getDecl())) {
        ReadFunction(method, depth);  // absl::Condition(this, &C::Ready)
        return;
      }
      if (const auto* function =
              llvm::dyn_cast<clang::FunctionDecl>(ref->getDecl())) {
        if (!function->isInStdNamespace()) ReadFunction(function, depth);
        return;
      }
      const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
      if (var != nullptr && !llvm::isa<clang::ParmVarDecl>(var) &&
          !var->getType().isConstQualified()) {
        opaque = true;  // a local, a global or a captured variable
      }
      return;
    }
    if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(stmt)) {
      const clang::Expr* object =
          StripWrappers(call->getImplicitObjectArgument());
      if (object != nullptr && llvm::isa<clang::CXXThisExpr>(object)) {
        ReadFunction(call->getMethodDecl(), depth);
        for (const clang::Expr* arg : call->arguments()) Read(arg, depth);
        return;
      }
    }
    for (const clang::Stmt* child : stmt->children()) Read(child, depth);
  }

  std::vector<const clang::FieldDecl*> reads;
  bool opaque = false;

 private:
  void ReadFunction(const clang::FunctionDecl* function, int depth) {
    const clang::FunctionDecl* definition = DefinitionOf(function);
    if (definition == nullptr || depth >= kMaxCallDepth) {
      opaque = true;
      return;
    }
    Read(definition->getBody(), depth + 1);
  }

  void AddRead(const clang::FieldDecl* field) {
    if (std::find(reads.begin(), reads.end(), field) == reads.end())
      reads.push_back(field);
  }

  const clang::CXXRecordDecl* record_;
};

// Finds the untimed waits in a thread's body and the methods of its class it
// calls.
class WaitFinder : public clang::RecursiveASTVisitor<WaitFinder> {
 public:
  explicit WaitFinder(const clang::CXXRecordDecl* record) : record_(record) {}

  void Find(const clang::FunctionDecl* function) {
    function = DefinitionOf(function);
    if (function == nullptr || depth_ >= kMaxCallDepth ||
        !visited_.insert(function).second) {
      return;
    }
    ++depth_;
    TraverseStmt(function->getBody());
    --depth_;
  }

  bool TraverseLambdaExpr(clang::LambdaExpr*) { return true; }

  bool TraverseWhileStmt(clang::WhileStmt* loop) {
    conditions_.push_back(loop->getCond());
    bool result =
        clang::RecursiveASTVisitor<WaitFinder>::TraverseWhileStmt(loop);
    conditions_.pop_back();
    return result;
  }
  bool TraverseForStmt(clang::ForStmt* loop) {
    conditions_.push_back(loop->getCond());
    bool result = clang::RecursiveASTVisitor<WaitFinder>::TraverseForStmt(loop);
    conditions_.pop_back();
    return result;
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    if (method == nullptr) return true;
    const clang::Expr* object =
        StripWrappers(call->getImplicitObjectArgument());
    if (object != nullptr && llvm::isa<clang::CXXThisExpr>(object)) {
      Find(method);
      return true;
    }
    if (object == nullptr) return true;
    llvm::StringRef type = RecordName(object->getType());
    if ((type == "condition_variable" || type == "condition_variable_any") &&
        NameIs(method, {"wait"})) {
      if (call->getNumArgs() == 2) {
        AddWait(call, call->getArg(1));
      } else if (!conditions_.empty() && conditions_.back() != nullptr) {
        AddWait(call, conditions_.back());
      }
    } else if (type == "CondVar" && NameIs(method, {"Wait"})) {
      if (!conditions_.empty() && conditions_.back() != nullptr)
        AddWait(call, conditions_.back());
    } else if (type == "Mutex" &&
               NameIs(method, {"Await", "LockWhen", "ReaderLockWhen",
                               "WriterLockWhen"}) &&
               call->getNumArgs() == 1) {
      AddWait(call, call->getArg(0));
    }
    return true;
  }

  bool VisitCXXConstructExpr(clang::CXXConstructExpr* construct) {
    llvm::StringRef type = RecordName(construct->getType());
    if ((type == "MutexLock" || type == "ReaderMutexLock" ||
         type == "WriterMutexLock") &&
        construct->getNumArgs() == 2) {
      AddWait(construct, construct->getArg(1));
    }
    return true;
  }

  std::vector<Wait> waits;

 private:
  void AddWait(const clang::Expr* call, const clang::Expr* predicate) {
    PredicateReader reader(record_);
    reader.Read(predicate);
    waits.push_back(Wait{call, reader.reads, reader.opaque});
  }

  const clang::CXXRecordDecl* record_;
  std::vector<const clang::Expr*> conditions_;
  llvm::DenseSet<const clang::FunctionDecl*> visited_;
  int depth_ = 0;
};

std::string FieldNames(const std::vector<const clang::FieldDecl*>& fields) {
  std::string names;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) names += i + 1 == fields.size() ? " or " : ", ";
    names += "'" + fields[i]->getNameAsString() + "'";
  }
  return names;
}

// Collects the user-code declarations the check looks at.
class Collector : public UserCodeVisitor<Collector> {
 public:
  explicit Collector(const clang::SourceManager& sources)
      : UserCodeVisitor(sources) {}

  // Keeps track of the innermost function or lambda.
  bool TraverseDecl(clang::Decl* decl) {
    const auto* function = llvm::dyn_cast_or_null<clang::FunctionDecl>(decl);
    if (function == nullptr) return UserCodeVisitor::TraverseDecl(decl);
    return Inside(function,
                  [&] { return UserCodeVisitor::TraverseDecl(decl); });
  }
  bool TraverseLambdaExpr(clang::LambdaExpr* lambda) {
    return Inside(lambda->getCallOperator(),
                  [&] { return UserCodeVisitor::TraverseLambdaExpr(lambda); });
  }

  bool VisitVarDecl(clang::VarDecl* var) {
    if (var->hasLocalStorage() && !llvm::isa<clang::ParmVarDecl>(var) &&
        !var->getDeclContext()->isDependentContext() &&
        IsStdThread(var->getType()) && !var->getType()->isReferenceType()) {
      local_threads.push_back(var);
    }
    return true;
  }

  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    if (NameIs(call->getMethodDecl(), {"detach"}) &&
        IsStdThreadObject(call->getImplicitObjectArgument()) &&
        !call->isValueDependent() &&
        IsUserCode(sources(), call->getExprLoc())) {
      detaches.push_back({call, current_});
    }
    return true;
  }

  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && !record->isLambda() &&
        !record->isDependentContext() &&
        !llvm::isa<clang::ClassTemplateSpecializationDecl>(record)) {
      records.push_back(record);
    }
    return true;
  }

  std::vector<const clang::VarDecl*> local_threads;
  // Each detach, with the innermost function or lambda it is in.
  std::vector<
      std::pair<const clang::CXXMemberCallExpr*, const clang::FunctionDecl*>>
      detaches;
  std::vector<const clang::CXXRecordDecl*> records;

 private:
  template <typename Traverse>
  bool Inside(const clang::FunctionDecl* function, Traverse traverse) {
    const clang::FunctionDecl* outer = current_;
    current_ = function;
    bool result = traverse();
    current_ = outer;
    return result;
  }

  const clang::FunctionDecl* current_ = nullptr;
};

}  // namespace

void ThreadLeakCheck::CheckTranslationUnit(TranslationUnitIndex& index) {
  Collector collector(index.sources());
  collector.TraverseDecl(index.context().getTranslationUnitDecl());
  for (const clang::VarDecl* var : collector.local_threads)
    CheckLocalThread(var, index);
  for (const auto& [detach, function] : collector.detaches)
    CheckDetach(detach, function, index);
  for (const clang::CXXRecordDecl* record : collector.records)
    CheckClass(record, index.context());
}

void ThreadLeakCheck::CheckLocalThread(const clang::VarDecl* var,
                                       TranslationUnitIndex& index) {
  const auto* function = llvm::dyn_cast_or_null<clang::FunctionDecl>(
      var->getParentFunctionOrMethod());
  if (function == nullptr || function->getBody() == nullptr) return;
  std::vector<Exit> exits = UnjoinedExits(function, var, index);
  if (exits.empty() || !FirstReport(var->getLocation())) return;
  std::string name = var->getNameAsString();
  diag(var->getLocation(),
       "std::thread '%0' can be destroyed while still joinable, which calls "
       "std::terminate: it is not joined or detached on every path")
      << name;
  const Exit& exit = exits.front();
  switch (exit.kind) {
    case ExitKind::kReturn:
      diag(exit.location,
           "'%0' is still joinable when the function returns here",
           clang::DiagnosticIDs::Note)
          << name;
      break;
    case ExitKind::kThrow:
      diag(exit.location,
           "'%0' is still joinable when this exception leaves its scope",
           clang::DiagnosticIDs::Note)
          << name;
      break;
    case ExitKind::kScopeEnd:
      diag(exit.location,
           "'%0' goes out of scope here without join() or detach()",
           clang::DiagnosticIDs::Note)
          << name;
      break;
  }
  diag(var->getLocation(),
       "join it on every path out of the scope (or use std::jthread, which "
       "joins on destruction)",
       clang::DiagnosticIDs::Note);
}

void ThreadLeakCheck::CheckDetach(const clang::CXXMemberCallExpr* detach,
                                  const clang::FunctionDecl* function,
                                  TranslationUnitIndex& index) {
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
  if (!FirstReport(location)) return;
  diag(location,
       "detached thread runs an endless loop in %0 with no stop condition: "
       "nothing can stop it, and it is still running when the process exits")
      << DescribeFunction(loop->function);
  diag(loop->loop->getBeginLoc(),
       "this loop has no break, return or throw, and its condition never "
       "changes",
       clang::DiagnosticIDs::Note);
  diag(location,
       "give the loop a stop condition (an atomic flag, or a std::stop_token "
       "with std::jthread) and keep the thread in an owner that sets it and "
       "joins the thread",
       clang::DiagnosticIDs::Note);
}

void ThreadLeakCheck::CheckClass(const clang::CXXRecordDecl* record,
                                 clang::ASTContext& context) {
  llvm::DenseSet<const clang::FieldDecl*> thread_fields;
  for (const clang::FieldDecl* field : record->fields()) {
    if (HoldsThreads(field->getType())) thread_fields.insert(field);
  }
  if (thread_fields.empty()) return;

  // The destructor path: an implicit or defaulted destructor does nothing
  // before the members are destroyed; one we cannot see may do anything.
  const clang::CXXDestructorDecl* destructor = record->getDestructor();
  std::vector<Event> destructor_events;
  if (destructor != nullptr && !destructor->isDefaulted()) {
    if (destructor->isDeleted()) return;
    const clang::FunctionDecl* definition = DefinitionOf(destructor);
    if (definition == nullptr) return;
    EventCollector collector(&destructor_events);
    collector.Collect(definition);
  }
  for (const Event& event : destructor_events) {
    if (event.kind == EventKind::kUnknown) return;
  }

  // Where each thread field is started. A start followed by a join or
  // detach in the same method does not outlive that method.
  const clang::SourceManager& sources = context.getSourceManager();
  std::vector<Start> starts;
  for (const clang::CXXMethodDecl* method : record->methods()) {
    const clang::FunctionDecl* definition = DefinitionOf(method);
    if (definition == nullptr) continue;
    std::vector<Start> found;
    if (const auto* constructor =
            llvm::dyn_cast<clang::CXXConstructorDecl>(definition)) {
      for (const clang::CXXCtorInitializer* init : constructor->inits()) {
        const clang::FieldDecl* field = init->getMember();
        if (field == nullptr || !thread_fields.contains(field) ||
            !init->isWritten() || IsDefaultConstruction(init->getInit())) {
          continue;
        }
        found.push_back(Start{field, init->getInit(),
                              CallableOfStartArgument(init->getInit()),
                              definition});
      }
    }
    StartFinder finder(thread_fields, definition, &found);
    finder.TraverseStmt(definition->getBody());
    std::vector<Event> method_events;
    EventCollector events(&method_events);
    events.Collect(definition);
    for (const Start& start : found) {
      bool ended_here = false;
      for (const Event& event : method_events) {
        if (event.field == start.field &&
            (event.kind == EventKind::kJoin ||
             event.kind == EventKind::kDetach ||
             event.kind == EventKind::kHandOff) &&
            sources.isBeforeInTranslationUnit(start.expr->getBeginLoc(),
                                              event.expr->getBeginLoc())) {
          ended_here = true;
        }
      }
      if (!ended_here) starts.push_back(start);
    }
  }

  for (const clang::FieldDecl* field : record->fields()) {
    if (!thread_fields.contains(field)) continue;
    const Start* start = nullptr;
    for (const Start& candidate : starts) {
      if (candidate.field == field) {
        start = &candidate;
        break;
      }
    }
    if (start == nullptr) continue;
    const Event* join = nullptr;
    bool handled = false;
    for (const Event& event : destructor_events) {
      if (event.field != field) continue;
      if (event.kind == EventKind::kJoin && join == nullptr) join = &event;
      if (event.kind == EventKind::kJoin || event.kind == EventKind::kDetach ||
          event.kind == EventKind::kHandOff) {
        handled = true;
      }
    }
    std::string class_name = record->getNameAsString();
    std::string field_name = field->getNameAsString();
    if (!handled) {
      if (!FirstReport(field->getLocation())) continue;
      diag(field->getLocation(),
           "'%0' starts thread '%1' but its destructor does not join it: "
           "destroying a %0 while the thread runs calls std::terminate")
          << class_name << field_name;
      diag(start->expr->getBeginLoc(), "'%0' is started here",
           clang::DiagnosticIDs::Note)
          << field_name;
      diag(field->getLocation(),
           "in the destructor, tell the thread to stop and join it (or make "
           "it a std::jthread)",
           clang::DiagnosticIDs::Note);
      continue;
    }
    if (join == nullptr) continue;

    // The destructor joins: can the thread be blocked in a wait that nothing
    // on the destructor's path before the join makes true?
    size_t join_index = join - destructor_events.data();
    for (const Start& candidate : starts) {
      if (candidate.field != field) continue;
      const clang::FunctionDecl* runs = CallableFunction(candidate.callable);
      if (runs == nullptr) continue;
      WaitFinder waits(record);
      waits.Find(runs);
      for (const Wait& wait : waits.waits) {
        if (wait.opaque || wait.reads.empty()) continue;
        bool woken = false;
        for (size_t i = 0; i < join_index; ++i) {
          const Event& event = destructor_events[i];
          if (event.kind == EventKind::kNotify ||
              ((event.kind == EventKind::kWrite ||
                event.kind == EventKind::kHandOff) &&
               std::find(wait.reads.begin(), wait.reads.end(), event.field) !=
                   wait.reads.end())) {
            woken = true;
          }
        }
        if (woken) continue;
        clang::SourceLocation location = join->expr->getExprLoc();
        if (!FirstReport(location)) break;
        diag(location,
             "the destructor of '%0' joins thread '%1' without waking it: "
             "if the thread is blocked in its wait, the join never returns")
            << class_name << field_name;
        diag(wait.call->getExprLoc(),
             "'%0' waits here until a condition on %1 holds, and nothing "
             "before the join sets %1 or notifies",
             clang::DiagnosticIDs::Note)
            << field_name << FieldNames(wait.reads);
        diag(location,
             "before joining, set a stop flag the wait's condition checks "
             "(under the lock) and notify the condition variable",
             clang::DiagnosticIDs::Note);
        break;
      }
    }
  }
}

}  // namespace lockstep::lint
