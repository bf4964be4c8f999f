#include "lint/checks/thread_leak/member_threads.h"

#include <optional>
#include <string>
#include <vector>

#include "clang/AST/RecursiveASTVisitor.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/thread_model.h"
#include "lint/checks/thread_leak/common.h"

namespace lockstep::lint::thread_leak {
namespace {

// The record's override of testing::Test::TearDown(), if it is a fixture.
const clang::CXXMethodDecl* FixtureTearDown(
    const clang::CXXRecordDecl* record) {
  for (const clang::CXXMethodDecl* method : record->methods()) {
    if (!method->getDeclName().isIdentifier() ||
        method->getName() != "TearDown") {
      continue;
    }
    for (const clang::CXXMethodDecl* overridden :
         method->overridden_methods()) {
      if (overridden->getParent()->getQualifiedNameAsString() ==
          "testing::Test") {
        return method;
      }
    }
  }
  return nullptr;
}

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
  LoopVariables loop_vars_;
  int depth_ = 0;
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

}  // namespace

std::optional<MemberThreads> FindMemberThreads(
    const clang::CXXRecordDecl* record, const clang::SourceManager& sources) {
  MemberThreads threads;
  threads.record = record;
  llvm::DenseSet<const clang::FieldDecl*> thread_fields;
  for (const clang::FieldDecl* field : record->fields()) {
    if (!HoldsThreads(field->getType())) continue;
    thread_fields.insert(field);
    threads.fields.push_back(field);
  }
  if (thread_fields.empty()) return std::nullopt;

  // The destructor path: an implicit or defaulted destructor does nothing
  // before the members are destroyed; one we cannot see may do anything.
  const clang::CXXDestructorDecl* destructor = record->getDestructor();
  std::vector<Event>& destructor_events = threads.destructor_events;
  if (destructor != nullptr && !destructor->isDefaulted()) {
    if (destructor->isDeleted()) return std::nullopt;
    const clang::FunctionDecl* definition = DefinitionOf(destructor);
    if (definition == nullptr) return std::nullopt;
    EventCollector collector(&destructor_events);
    collector.Collect(definition);
  }
  // A GoogleTest fixture's TearDown() runs after every test, before the
  // fixture is destroyed: what it joins, the destructor need not.
  if (const clang::CXXMethodDecl* tear_down = FixtureTearDown(record)) {
    if (const clang::FunctionDecl* definition = DefinitionOf(tear_down)) {
      EventCollector collector(&destructor_events);
      collector.Collect(definition);
    }
  }
  for (const Event& event : destructor_events) {
    if (event.kind == EventKind::kUnknown) return std::nullopt;
  }

  // Where each thread field is started. A start followed by a join or
  // detach in the same method does not outlive that method.
  std::vector<Start>& starts = threads.starts;
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
    if (method->getAccess() == clang::AS_public &&
        !llvm::isa<clang::CXXConstructorDecl>(method) &&
        !llvm::isa<clang::CXXDestructorDecl>(method)) {
      for (const Event& event : method_events) {
        if (event.kind == EventKind::kJoin &&
            thread_fields.contains(event.field))
          threads.joined_by_public_method.insert(event.field);
      }
    }
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
  return threads;
}

const Start* MemberThreads::FirstStartOf(const clang::FieldDecl* field) const {
  for (const Start& start : starts) {
    if (start.field == field) return &start;
  }
  return nullptr;
}

const Event* MemberThreads::DestructorJoinOf(
    const clang::FieldDecl* field) const {
  for (const Event& event : destructor_events) {
    if (event.field == field && event.kind == EventKind::kJoin) return &event;
  }
  return nullptr;
}

bool MemberThreads::HandledByDestructor(const clang::FieldDecl* field) const {
  for (const Event& event : destructor_events) {
    if (event.field == field &&
        (event.kind == EventKind::kJoin || event.kind == EventKind::kDetach ||
         event.kind == EventKind::kHandOff)) {
      return true;
    }
  }
  return false;
}

void ReportUnjoinedMemberThreads(const MemberThreads& threads,
                                 TranslationUnitCheck& check) {
  for (const clang::FieldDecl* field : threads.fields) {
    const Start* start = threads.FirstStartOf(field);
    if (start == nullptr || threads.HandledByDestructor(field) ||
        threads.joined_by_public_method.count(field) > 0) {
      continue;
    }
    if (!check.FirstReport(field->getLocation())) continue;
    std::string class_name = threads.record->getNameAsString();
    std::string field_name = field->getNameAsString();
    check.diag(field->getLocation(),
               "'%0' starts thread '%1' but its destructor does not join it: "
               "destroying a %0 while the thread runs calls std::terminate")
        << class_name << field_name;
    check.diag(start->expr->getBeginLoc(), "'%0' is started here",
               clang::DiagnosticIDs::Note)
        << field_name;
    check.diag(field->getLocation(),
               "in the destructor, tell the thread to stop and join it (or "
               "make it a std::jthread)",
               clang::DiagnosticIDs::Note);
  }
}

}  // namespace lockstep::lint::thread_leak
