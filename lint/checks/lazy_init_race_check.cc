#include "lint/checks/lazy_init_race_check.h"

#include <string>

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "lint/analysis/lock_model.h"

namespace lockstep::lint {
namespace {

// What a lazy-init test looks at: a field of `this`, or a variable every
// thread shares (static storage duration: a function-local static, a
// namespace-scope variable, a static data member). A thread_local has one
// copy per thread, so initializing it on first use is no race.
struct Tested {
  const clang::Expr* expr = nullptr;  // the MemberExpr or DeclRefExpr
  const clang::ValueDecl* decl = nullptr;
};

std::optional<Tested> AsTested(const clang::Expr* expr) {
  expr = expr->IgnoreParenImpCasts();
  // unique_ptr's operator bool, optional's has_value(), get().
  if (const auto* call = llvm::dyn_cast<clang::CXXMemberCallExpr>(expr)) {
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    if (method == nullptr) return std::nullopt;
    bool conversion = llvm::isa<clang::CXXConversionDecl>(method);
    bool accessor =
        method->getDeclName().isIdentifier() &&
        (method->getName() == "has_value" || method->getName() == "get");
    if (!conversion && !accessor) return std::nullopt;
    expr = call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  }
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) {
    const auto* field =
        llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
    if (field != nullptr && llvm::isa<clang::CXXThisExpr>(
                                member->getBase()->IgnoreParenImpCasts())) {
      return Tested{member, field};
    }
    return std::nullopt;
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
    const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (var != nullptr && var->getStorageDuration() == clang::SD_Static) {
      return Tested{ref, var};
    }
  }
  return std::nullopt;
}

bool IsNullish(const clang::Expr* expr, clang::ASTContext& context) {
  expr = expr->IgnoreParenImpCasts();
  if (llvm::isa<clang::CXXNullPtrLiteralExpr>(expr) ||
      llvm::isa<clang::GNUNullExpr>(expr)) {
    return true;
  }
  if (expr->isValueDependent()) return false;
  clang::Expr::EvalResult result;
  if (expr->EvaluateAsRValue(result, context) && result.Val.isInt()) {
    return result.Val.getInt() == 0;
  }
  return false;
}

// `!x`, `x == nullptr`, `nullptr == x`, `x == false`, `!x.has_value()`.
std::optional<Tested> UnsetTest(const clang::Expr* condition,
                                clang::ASTContext& context) {
  condition = condition->IgnoreParenImpCasts();
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(condition)) {
    if (unary->getOpcode() == clang::UO_LNot)
      return AsTested(unary->getSubExpr());
    return std::nullopt;
  }
  const clang::Expr* lhs = nullptr;
  const clang::Expr* rhs = nullptr;
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(condition)) {
    if (binary->getOpcode() != clang::BO_EQ) return std::nullopt;
    lhs = binary->getLHS();
    rhs = binary->getRHS();
  } else if (const auto* op =
                 llvm::dyn_cast<clang::CXXOperatorCallExpr>(condition)) {
    if (op->getOperator() != clang::OO_EqualEqual || op->getNumArgs() != 2) {
      return std::nullopt;
    }
    lhs = op->getArg(0);
    rhs = op->getArg(1);
  } else {
    return std::nullopt;
  }
  if (IsNullish(rhs, context)) return AsTested(lhs);
  if (IsNullish(lhs, context)) return AsTested(rhs);
  return std::nullopt;
}

bool SameTarget(const clang::Expr* expr, const clang::ValueDecl* decl) {
  std::optional<Tested> tested = AsTested(expr);
  return tested && tested->decl == decl;
}

// Finds an assignment to `decl` (=, reset(), emplace()) inside a statement.
class AssignmentFinder : public clang::RecursiveASTVisitor<AssignmentFinder> {
 public:
  explicit AssignmentFinder(const clang::ValueDecl* decl) : decl_(decl) {}
  bool found() const { return found_; }

  bool VisitBinaryOperator(clang::BinaryOperator* binary) {
    if (binary->isAssignmentOp() && SameTarget(binary->getLHS(), decl_))
      found_ = true;
    return !found_;
  }
  bool VisitCXXOperatorCallExpr(clang::CXXOperatorCallExpr* op) {
    if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2 &&
        SameTarget(op->getArg(0), decl_)) {
      found_ = true;
    }
    return !found_;
  }
  bool VisitCXXMemberCallExpr(clang::CXXMemberCallExpr* call) {
    const clang::CXXMethodDecl* method = call->getMethodDecl();
    if (method != nullptr && method->getDeclName().isIdentifier() &&
        (method->getName() == "reset" || method->getName() == "emplace") &&
        SameTarget(call->getImplicitObjectArgument(), decl_)) {
      found_ = true;
    }
    return !found_;
  }

 private:
  const clang::ValueDecl* decl_;
  bool found_ = false;
};

// Finds a re-check of the same target inside the initialising branch: the
// second half of double-checked locking.
class RecheckFinder : public clang::RecursiveASTVisitor<RecheckFinder> {
 public:
  RecheckFinder(const clang::ValueDecl* decl, clang::ASTContext& context)
      : decl_(decl), context_(context) {}
  const clang::IfStmt* found() const { return found_; }

  bool VisitIfStmt(clang::IfStmt* if_stmt) {
    if (if_stmt->getCond() == nullptr) return true;
    std::optional<Tested> tested = UnsetTest(if_stmt->getCond(), context_);
    if (tested && tested->decl == decl_) found_ = if_stmt;
    return found_ == nullptr;
  }

 private:
  const clang::ValueDecl* decl_;
  clang::ASTContext& context_;
  const clang::IfStmt* found_ = nullptr;
};

class IfCollector : public clang::RecursiveASTVisitor<IfCollector> {
 public:
  bool VisitIfStmt(clang::IfStmt* if_stmt) {
    ifs.push_back(if_stmt);
    return true;
  }
  std::vector<const clang::IfStmt*> ifs;
};

std::string MutexOf(const clang::RecordDecl* record) {
  for (const clang::FieldDecl* field : record->fields()) {
    if (IsLockableType(field->getType())) return field->getNameAsString();
  }
  return "";
}

}  // namespace

void LazyInitRaceCheck::CheckTranslationUnit(TranslationUnitIndex& index) {
  const TranslationUnitAnalysis& analysis = index.analysis();
  for (const clang::FunctionDecl* function : analysis.functions()) {
    // A constructor or destructor runs before or after the object is
    // shared; only the callbacks it leaves behind (a subscription's lambda)
    // run while it is, and their accesses say so (not init_only).
    bool structor = llvm::isa<clang::CXXConstructorDecl>(function) ||
                    llvm::isa<clang::CXXDestructorDecl>(function);
    IfCollector collector;
    collector.TraverseStmt(function->getBody());
    for (const clang::IfStmt* if_stmt : collector.ifs)
      CheckIf(if_stmt, index, structor);
  }
}

void LazyInitRaceCheck::CheckIf(const clang::IfStmt* if_stmt,
                                TranslationUnitIndex& index, bool in_structor) {
  clang::ASTContext& context = index.context();
  const TranslationUnitAnalysis& analysis = index.analysis();
  if (if_stmt->getCond() == nullptr || if_stmt->getThen() == nullptr) return;
  std::optional<Tested> tested = UnsetTest(if_stmt->getCond(), context);
  if (!tested) return;
  clang::QualType type = tested->decl->getType();
  if (type.isConstQualified() || IsSynchronizationType(type)) return;

  AssignmentFinder assignment(tested->decl);
  assignment.TraverseStmt(const_cast<clang::Stmt*>(if_stmt->getThen()));
  if (!assignment.found()) return;

  auto lockset = analysis.results().lockset_at.find(tested->expr);
  if (lockset == analysis.results().lockset_at.end()) return;  // unreachable
  if (!lockset->second.empty()) return;  // tested under a lock

  const auto* field = llvm::dyn_cast<clang::FieldDecl>(tested->decl);
  std::string where;
  std::string mutex;
  if (field != nullptr) {
    const FieldAccess* access = nullptr;
    for (const FieldAccess& candidate : analysis.results().accesses) {
      if (candidate.expr == tested->expr) access = &candidate;
    }
    if (access == nullptr || access->context.init_only ||
        access->context.no_analysis) {
      return;
    }
    // Code that runs on another thread is evidence of sharing in itself.
    if (!index.shared_classes().IsShared(field->getParent())) return;
    where = FunctionDisplayName(access->context.named_function);
    mutex = MutexOf(field->getParent());
  } else if (in_structor || !analysis.uses_threads()) {
    return;  // a shared static in a program that never starts a thread
  }

  clang::SourceLocation location = tested->expr->getExprLoc();
  if (!FirstReport(location)) return;
  std::string name = tested->decl->getNameAsString();

  RecheckFinder recheck(tested->decl, context);
  recheck.TraverseStmt(const_cast<clang::Stmt*>(if_stmt->getThen()));
  if (recheck.found() != nullptr) {
    diag(location,
         "double-checked locking on non-atomic '%0': the unlocked first check "
         "races with the locked write")
        << name;
    diag(recheck.found()->getBeginLoc(), "the locked re-check is here",
         clang::DiagnosticIDs::Note);
    diag(location,
         "make '%0' a std::atomic and load it with memory_order_acquire and "
         "store "
         "it with memory_order_release, or initialize it once with "
         "absl::call_once",
         clang::DiagnosticIDs::Note)
        << name;
    return;
  }
  if (field != nullptr) {
    diag(location,
         "lazy initialization of '%0' in '%1' is not synchronized: two threads "
         "can "
         "both see it unset and both initialize it")
        << name << where;
    if (mutex.empty()) {
      diag(location,
           "initialize it once with absl::call_once (or std::call_once), or in "
           "the constructor",
           clang::DiagnosticIDs::Note);
    } else {
      diag(location,
           "hold '%0' across both the check and the assignment, or initialize "
           "it "
           "once with absl::call_once",
           clang::DiagnosticIDs::Note)
          << mutex;
    }
  } else {
    diag(location,
         "lazy initialization of static '%0' is not synchronized: two threads "
         "can "
         "both see it unset and both initialize it")
        << name;
    diag(location,
         "initialize it in its declaration ('static T* %0 = new T(...);' runs "
         "once, "
         "thread-safely) or with absl::call_once",
         clang::DiagnosticIDs::Note)
        << name;
  }
}

}  // namespace lockstep::lint
