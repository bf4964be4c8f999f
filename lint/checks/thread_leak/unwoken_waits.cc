#include "lint/checks/thread_leak/unwoken_waits.h"

#include <algorithm>
#include <string>
#include <vector>

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/thread_model.h"
#include "lint/checks/thread_leak/common.h"
#include "llvm/ADT/DenseSet.h"

namespace lockstep::lint::thread_leak {
namespace {

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

}  // namespace

void ReportUnwokenWaits(const MemberThreads& threads,
                        TranslationUnitCheck& check) {
  const std::vector<Event>& destructor_events = threads.destructor_events;
  for (const clang::FieldDecl* field : threads.fields) {
    if (threads.FirstStartOf(field) == nullptr) continue;
    const Event* join = threads.DestructorJoinOf(field);
    if (join == nullptr) continue;
    std::string class_name = threads.record->getNameAsString();
    std::string field_name = field->getNameAsString();

    // The destructor joins: can the thread be blocked in a wait that nothing
    // on the destructor's path before the join makes true?
    size_t join_index = join - destructor_events.data();
    for (const Start& candidate : threads.starts) {
      if (candidate.field != field) continue;
      const clang::FunctionDecl* runs = CallableFunction(candidate.callable);
      if (runs == nullptr) continue;
      WaitFinder waits(threads.record);
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
        if (!check.FirstReport(location)) break;
        check.diag(
            location,
            "the destructor of '%0' joins thread '%1' without waking it: "
            "if the thread is blocked in its wait, the join never returns")
            << class_name << field_name;
        check.diag(wait.call->getExprLoc(),
                   "'%0' waits here until a condition on %1 holds, and nothing "
                   "before the join sets %1 or notifies",
                   clang::DiagnosticIDs::Note)
            << field_name << FieldNames(wait.reads);
        check.diag(
            location,
            "before joining, set a stop flag the wait's condition checks "
            "(under the lock) and notify the condition variable",
            clang::DiagnosticIDs::Note);
        break;
      }
    }
  }
}

}  // namespace lockstep::lint::thread_leak
