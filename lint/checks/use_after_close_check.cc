#include "lint/checks/use_after_close_check.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "clang/AST/ExprCXX.h"
#include "clang/AST/TemplateBase.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"
#include "lint/checks/field_rules.h"

namespace lockstep::lint {
namespace {

bool IsNullOrInvalid(const clang::Expr* value) {
  value = value->IgnoreParenImpCasts();
  if (llvm::isa<clang::CXXNullPtrLiteralExpr>(value) ||
      llvm::isa<clang::GNUNullExpr>(value)) {
    return true;
  }
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(value)) {
    return unary->getOpcode() == clang::UO_Minus &&
           llvm::isa<clang::IntegerLiteral>(
               unary->getSubExpr()->IgnoreParenImpCasts());
  }
  if (const auto* literal = llvm::dyn_cast<clang::IntegerLiteral>(value)) {
    return literal->getValue() == 0;
  }
  return false;
}

enum class Event { kUse, kClose, kOpen };

// What an access to a resource field does with it: close it (fclose(f_),
// close(fd_), f_.close(), f_->Close() on a raw or smart pointer, f_.reset(),
// f_ = nullptr, fd_ = -1),
// open it (any other assignment), or use it.
Event Classify(const clang::MemberExpr* member,
               const ExpressionContext& expressions) {
  const clang::Stmt* child = member;
  const clang::Stmt* parent = expressions.Parent(member);
  while (parent != nullptr && (llvm::isa<clang::ParenExpr>(parent) ||
                               llvm::isa<clang::ImplicitCastExpr>(parent))) {
    child = parent;
    parent = expressions.Parent(parent);
  }
  if (parent == nullptr) return Event::kUse;
  // `socket_->close()` through a smart pointer: the method is the owned
  // object's, reached through operator->.
  if (const auto* arrow = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent);
      arrow != nullptr && arrow->getOperator() == clang::OO_Arrow &&
      arrow->getNumArgs() == 1 && arrow->getArg(0) == child) {
    child = arrow;
    parent = expressions.SemanticParent(arrow, &child);
    if (parent == nullptr) return Event::kUse;
  }
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(parent);
      call != nullptr && !llvm::isa<clang::CXXMemberCallExpr>(call) &&
      !llvm::isa<clang::CXXOperatorCallExpr>(call)) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee != nullptr && callee->getDeclName().isIdentifier()) {
      llvm::StringRef name = callee->getName();
      if (name == "fclose" || name == "pclose" || name == "close" ||
          name == "closedir") {
        return Event::kClose;
      }
    }
    return Event::kUse;
  }
  if (const auto* method_member = llvm::dyn_cast<clang::MemberExpr>(parent)) {
    const auto* method =
        llvm::dyn_cast<clang::CXXMethodDecl>(method_member->getMemberDecl());
    if (method != nullptr && method->getDeclName().isIdentifier()) {
      llvm::StringRef name = method->getName();
      if (name == "close" || name == "Close" || name == "reset" ||
          name == "Reset") {
        return Event::kClose;
      }
      // file_.open(path): what a later close races with, not a use of it.
      if (name == "open" || name == "Open") return Event::kOpen;
    }
    return Event::kUse;
  }
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(parent)) {
    if (binary->getOpcode() == clang::BO_Assign && binary->getLHS() == child) {
      return IsNullOrInvalid(binary->getRHS()) ? Event::kClose : Event::kOpen;
    }
    return Event::kUse;
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent)) {
    if (op->getOperator() == clang::OO_Equal && op->getNumArgs() == 2 &&
        op->getArg(0) == child) {
      return IsNullOrInvalid(op->getArg(1)) ? Event::kClose : Event::kOpen;
    }
  }
  return Event::kUse;
}

// True when the access only tests whether the resource is there
// (`if (file_)`, `fd_ >= 0` aside: `fd_ != -1`, `!conn_`, `conn_ == nullptr`).
bool IsValidityTest(const clang::MemberExpr* member,
                    const ExpressionContext& expressions) {
  const clang::Stmt* child = member;
  const clang::Stmt* parent = expressions.Parent(member);
  while (parent != nullptr && (llvm::isa<clang::ParenExpr>(parent) ||
                               llvm::isa<clang::ImplicitCastExpr>(parent))) {
    child = parent;
    parent = expressions.Parent(parent);
  }
  if (parent == nullptr) return false;
  if (const auto* method_member = llvm::dyn_cast<clang::MemberExpr>(parent))
    return llvm::isa<clang::CXXConversionDecl>(method_member->getMemberDecl());
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(parent))
    return unary->getOpcode() == clang::UO_LNot;
  if (const auto* binary = llvm::dyn_cast<clang::BinaryOperator>(parent)) {
    if (binary->isLogicalOp()) return true;
    if (!binary->isEqualityOp()) return false;
    const clang::Expr* other =
        binary->getLHS() == child ? binary->getRHS() : binary->getLHS();
    return IsNullOrInvalid(other);
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(parent)) {
    if ((op->getOperator() != clang::OO_EqualEqual &&
         op->getOperator() != clang::OO_ExclaimEqual) ||
        op->getNumArgs() != 2) {
      return false;
    }
    const clang::Expr* other =
        op->getArg(0) == child ? op->getArg(1) : op->getArg(0);
    return IsNullOrInvalid(other);
  }
  if (const auto* branch = llvm::dyn_cast<clang::IfStmt>(parent))
    return branch->getCond() == child;
  if (const auto* choice = llvm::dyn_cast<clang::ConditionalOperator>(parent))
    return choice->getCond() == child;
  return false;
}

struct ResourceEvent {
  const FieldAccess* access;
  Event event;
  bool validity_test;
};

bool InUnlockWindowOf(const FieldAccess& use, const FieldAccess& close) {
  for (const std::string& key : use.in_unlock_window) {
    if (close.held.Holds(key)) return true;
  }
  return false;
}

bool SameCode(const FieldAccess& a, const FieldAccess& b) {
  return a.context.named_function == b.context.named_function &&
         a.context.deferred_lambda == b.context.deferred_lambda;
}

}  // namespace

void UseAfterCloseCheck::CheckTranslationUnit(TranslationUnitIndex& index) {
  if (!index.analysis().uses_threads()) return;
  const clang::SourceManager& sources = index.sources();

  const AccessesByField& accesses = index.accesses_by_field();
  for (const clang::FieldDecl* field : accesses.fields()) {
    const char* kind = ResourceKindOf(field);
    if (*kind == '\0' || HasDeclaredGuard(field) || NeedsNoLock(field) ||
        !index.shared_classes().IsShared(field->getParent())) {
      continue;
    }
    std::vector<ResourceEvent> events;
    for (const FieldAccess* access : accesses.Of(field)) {
      if (!MayRunConcurrently(*access)) continue;
      const ExpressionContext& expressions =
          index.ExpressionsOf(access->context.named_function);
      events.push_back({access, Classify(access->expr, expressions),
                        IsValidityTest(access->expr, expressions)});
    }
    // One finding per piece of code that uses the field, at its first use
    // in the source (the analysis records accesses in CFG order).
    std::stable_sort(events.begin(), events.end(),
                     [&](const ResourceEvent& a, const ResourceEvent& b) {
                       return sources.isBeforeInTranslationUnit(
                           a.access->expr->getMemberLoc(),
                           b.access->expr->getMemberLoc());
                     });
    std::set<std::pair<const clang::FunctionDecl*, const clang::LambdaExpr*>>
        judged;
    for (const ResourceEvent& use : events) {
      if (use.event != Event::kUse) continue;
      const FieldAccess& used = *use.access;
      auto code = std::make_pair(used.context.named_function,
                                 used.context.deferred_lambda);
      if (judged.count(code) > 0) continue;
      const FieldAccess* closing = nullptr;
      for (const ResourceEvent& close : events) {
        if (close.event != Event::kClose) continue;
        const FieldAccess& closed = *close.access;
        if (SameCode(used, closed)) continue;
        if (used.held.SharesLockWith(closed.held)) continue;
        // A use in a window where the code dropped the close's lock on
        // purpose (`mu_.Unlock(); Sync(); mu_.Lock();`) relies on a protocol
        // of its own, as concurrency-unguarded-field also assumes.
        if (InUnlockWindowOf(used, closed)) continue;
        // Closed once the threads that could use it are joined.
        if (AfterItsThreadsAreJoined(closed, index)) continue;
        // Closed before the thread that uses it is started (a failed
        // connect in Start()).
        if (BeforeItsThreadStarts(closed, index)) continue;
        // The unlocked test of a double check (`if (tracer_) { lock;
        // if (tracer_) tracer_->Trace(); }`): it touches no closed object,
        // and the test is made again under the close's lock. Without that
        // second test (`if (!file_) return; lock; fprintf(file_, ...)`)
        // the locked use trusts an answer the close may have changed.
        if (use.validity_test &&
            std::any_of(
                events.begin(), events.end(), [&](const ResourceEvent& other) {
                  return other.event == Event::kUse && other.validity_test &&
                         SameCode(used, *other.access) &&
                         other.access->held.SharesLockWith(closed.held);
                })) {
          continue;
        }
        closing = &closed;
        break;
      }
      if (closing == nullptr) continue;
      judged.insert(code);
      clang::SourceLocation location = used.expr->getMemberLoc();
      if (!FirstReport(location)) continue;
      std::string name = field->getNameAsString();
      diag(location,
           "'%0' is used in %1 and closed in %2 with no lock held in common: "
           "the use can run after the close and touch a closed (or reused) %3")
          << name << WhereAccessed(used) << WhereAccessed(*closing) << kind;
      diag(closing->expr->getMemberLoc(), "'%0' is closed here",
           clang::DiagnosticIDs::Note)
          << name;
      diag(location,
           "capture what the use needs (a name, a descriptor's contents) "
           "while '%0' is known open, or hold one mutex around both the use "
           "and the close",
           clang::DiagnosticIDs::Note)
          << name;
    }
  }
}

}  // namespace lockstep::lint
