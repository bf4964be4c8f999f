#include "lint/checks/closure_captures_mutable_check.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/thread_model.h"
#include "lint/checks/field_rules.h"

namespace lockstep::lint {
namespace {

// `&Class::Method` as a call argument.
const clang::CXXMethodDecl* MethodPointer(const clang::Expr* expr) {
  const auto* address =
      llvm::dyn_cast<clang::UnaryOperator>(expr->IgnoreParenImpCasts());
  if (address == nullptr || address->getOpcode() != clang::UO_AddrOf) {
    return nullptr;
  }
  const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(
      address->getSubExpr()->IgnoreParenImpCasts());
  if (ref == nullptr) return nullptr;
  const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(ref->getDecl());
  return method != nullptr && !method->isStatic() ? method : nullptr;
}

// The method handed off together with `this` among `args`
// (`std::thread(&Worker::Run, this)`, `std::bind(&Worker::Tick, this)`).
template <typename Args>
const clang::CXXMethodDecl* MethodHandedOffWithThis(const Args& args) {
  const clang::Expr* previous = nullptr;
  for (const clang::Expr* arg : args) {
    if (previous != nullptr &&
        llvm::isa<clang::CXXThisExpr>(arg->IgnoreParenImpCasts())) {
      if (const clang::CXXMethodDecl* method = MethodPointer(previous)) {
        return method;
      }
    }
    previous = arg;
  }
  return nullptr;
}

bool IsHandOffCall(const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr || !callee->getDeclName().isIdentifier()) return false;
  llvm::StringRef name = callee->getName();
  return name == "bind" || name == "bind_front" ||
         IsDeferringFunctionName(name);
}

bool SameFunction(const clang::FunctionDecl* a, const clang::FunctionDecl* b) {
  return a != nullptr && b != nullptr &&
         a->getCanonicalDecl() == b->getCanonicalDecl();
}

// True when `lambda` is started in a loop whose every iteration shares
// `var`: a variable declared inside the loop is a new one each iteration,
// so each copy of the lambda has its own.
bool StartedInLoopSharing(const clang::LambdaExpr* lambda,
                          const clang::VarDecl* var,
                          const ExpressionContext& expressions) {
  for (const clang::Stmt* parent = expressions.Parent(lambda);
       parent != nullptr; parent = expressions.Parent(parent)) {
    if (llvm::isa<clang::LambdaExpr>(parent)) return false;
    const clang::Stmt* body = nullptr;
    if (const auto* loop = llvm::dyn_cast<clang::ForStmt>(parent)) {
      body = loop->getBody();  // not the init-statement, which is shared
    } else if (const auto* loop = llvm::dyn_cast<clang::WhileStmt>(parent)) {
      body = loop->getBody();
    } else if (const auto* loop = llvm::dyn_cast<clang::DoStmt>(parent)) {
      body = loop->getBody();
    } else if (const auto* loop =
                   llvm::dyn_cast<clang::CXXForRangeStmt>(parent)) {
      if (loop->getLoopVariable() == var) return false;
      body = loop->getBody();
    } else {
      continue;
    }
    return body == nullptr ||
           !body->getSourceRange().fullyContains(var->getSourceRange());
  }
  return false;
}

bool CapturesThis(const clang::LambdaExpr* lambda) {
  for (const clang::LambdaCapture& capture : lambda->captures()) {
    if (capture.capturesThis()) return true;
  }
  return false;
}

// Whether a reference to a captured local reads or writes shared state:
// taking its address (`absl::Condition(f, &n)`) is not itself an access, and
// neither is reaching a mutex, an atomic or a guarded member of it
// (`state.mu.lock()`, `state.flag` declared GUARDED_BY).
// The index of `ref[index]` when `ref` is an array or a sequence container
// subscripted: for data races the standard treats operator[] as const
// except in associative containers ([container.requirements.dataraces]),
// so an element written this way is the element's write, not the
// container's. Null for anything else, and for maps (operator[] inserts).
const clang::Expr* ElementIndex(const clang::DeclRefExpr* ref,
                                const ExpressionContext& expressions) {
  const clang::Stmt* child = nullptr;
  const clang::Stmt* parent = expressions.SemanticParent(ref, &child);
  if (const auto* subscript =
          llvm::dyn_cast_or_null<clang::ArraySubscriptExpr>(parent)) {
    if (subscript->getBase()->IgnoreParenImpCasts() ==
        llvm::cast<clang::Expr>(child)->IgnoreParenImpCasts()) {
      return subscript->getIdx();
    }
    return nullptr;
  }
  const auto* op = llvm::dyn_cast_or_null<clang::CXXOperatorCallExpr>(parent);
  if (op == nullptr || op->getOperator() != clang::OO_Subscript ||
      op->getNumArgs() != 2 ||
      op->getArg(0)->IgnoreParenImpCasts() !=
          llvm::cast<clang::Expr>(child)->IgnoreParenImpCasts()) {
    return nullptr;
  }
  // Associative containers name their key type.
  if (const clang::CXXRecordDecl* container =
          op->getArg(0)->getType()->getAsCXXRecordDecl()) {
    for (const clang::Decl* member : container->decls()) {
      const auto* named = llvm::dyn_cast<clang::NamedDecl>(member);
      if (named != nullptr && named->getDeclName().isIdentifier() &&
          named->getName() == "key_type") {
        return nullptr;
      }
    }
  }
  return op->getArg(1);
}

// True when `ref` is the container of an element write whose index depends
// only on the lambda's own values (its by-copy captures, its locals): each
// copy of a lambda started in a loop then writes its own element
// (`partial[w] = ...` with `w` captured by value), and distinct elements of
// a container may be modified concurrently
// ([container.requirements.dataraces]).
bool WritesOwnSlot(const clang::DeclRefExpr* ref,
                   const clang::LambdaExpr* lambda,
                   const ExpressionContext& expressions) {
  const clang::Expr* index = ElementIndex(ref, expressions);
  if (index == nullptr) return false;
  const clang::SourceRange body = lambda->getBody()->getSourceRange();
  bool own = false;
  bool foreign = false;
  ForEachStmt(index, [&](const clang::Stmt* stmt) {
    const auto* use = llvm::dyn_cast<clang::DeclRefExpr>(stmt);
    if (use == nullptr) return;
    const auto* var = llvm::dyn_cast<clang::VarDecl>(use->getDecl());
    if (var == nullptr) return;  // an enumerator, a function
    if (var->getType().isConstQualified() && !var->hasLocalStorage()) return;
    bool local_to_lambda = body.fullyContains(var->getSourceRange());
    bool by_copy = false;
    for (const clang::LambdaCapture& capture : lambda->captures()) {
      if (capture.capturesVariable() && capture.getCapturedVar() == var &&
          capture.getCaptureKind() == clang::LCK_ByCopy) {
        by_copy = true;
      }
    }
    (local_to_lambda || by_copy ? own : foreign) = true;
  });
  return own && !foreign;
}

bool IsSharedStateAccess(const clang::DeclRefExpr* ref,
                         const ExpressionContext& expressions) {
  const clang::Stmt* parent = expressions.Parent(ref);
  while (parent != nullptr && (llvm::isa<clang::ParenExpr>(parent) ||
                               llvm::isa<clang::ImplicitCastExpr>(parent))) {
    parent = expressions.Parent(parent);
  }
  if (parent == nullptr) return true;
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(parent)) {
    return unary->getOpcode() != clang::UO_AddrOf;
  }
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(parent)) {
    if (const auto* field =
            llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl())) {
      return !NeedsNoLock(field) && !HasDeclaredGuard(field);
    }
  }
  return true;
}

// Locals a lambda may share with the code around it: not const, not
// synchronization objects themselves.
bool IsSharedMutableLocal(const clang::VarDecl* var) {
  clang::QualType type = var->getType().getNonReferenceType();
  if (type.isConstQualified()) return false;
  // A service reached through its interface (`FileSystem& fs`, `Env* env`):
  // what its calls change, and how they synchronize, is up to
  // implementations the lint does not see.
  if (const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl()) {
    if (record->hasDefinition() && record->isPolymorphic()) return false;
  }
  return !IsConcurrencyPrimitive(type);
}

}  // namespace

void ClosureCapturesMutableCheck::CheckTranslationUnit(
    TranslationUnitIndex& index) {
  const TranslationUnitAnalysis& analysis = index.analysis();
  if (!analysis.uses_threads()) return;

  std::vector<Closure> closures;
  std::vector<const clang::LambdaExpr*> seen_lambdas;
  for (const FieldAccess& access : analysis.results().accesses) {
    const clang::LambdaExpr* lambda = access.context.deferred_lambda;
    if (lambda == nullptr || !CapturesThis(lambda)) continue;
    if (std::find(seen_lambdas.begin(), seen_lambdas.end(), lambda) !=
        seen_lambdas.end()) {
      continue;
    }
    seen_lambdas.push_back(lambda);
    // A lambda handed to a function that takes a std::function may as well
    // be a visitor called before it returns: only lambdas that certainly run
    // elsewhere are judged.
    const clang::FunctionDecl* created_in = access.context.named_function;
    if (index.ExpressionsOf(created_in).DeferralOf(lambda) !=
        LambdaDeferral::kRunsElsewhere)
      continue;
    Closure closure;
    closure.created_in = created_in;
    closure.created_at = lambda->getBeginLoc();
    closure.description =
        "a lambda that captures 'this' and runs later or on another thread "
        "(created in '" +
        FunctionDisplayName(closure.created_in) + "')";
    closure.contains = [lambda](const FieldAccess& candidate) {
      return candidate.context.deferred_lambda == lambda;
    };
    closures.push_back(std::move(closure));
  }

  for (const clang::FunctionDecl* function : analysis.functions()) {
    std::vector<const clang::LambdaExpr*> lambdas;
    ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
      if (const auto* lambda = llvm::dyn_cast<clang::LambdaExpr>(stmt)) {
        lambdas.push_back(lambda);
      }
      const clang::CXXMethodDecl* method = nullptr;
      if (const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(stmt);
          construct != nullptr && IsThreadType(construct->getType())) {
        method = MethodHandedOffWithThis(construct->arguments());
      } else if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt);
                 call != nullptr && IsHandOffCall(call)) {
        method = MethodHandedOffWithThis(call->arguments());
      }
      if (method == nullptr) return;
      Closure closure;
      closure.created_in = function;
      closure.created_at = stmt->getBeginLoc();
      closure.description = "'" + FunctionDisplayName(method) +
                            "', which runs later or on another thread (handed "
                            "off with 'this' in '" +
                            FunctionDisplayName(function) + "')";
      closure.contains = [method](const FieldAccess& candidate) {
        return !candidate.context.deferred &&
               SameFunction(candidate.context.named_function, method);
      };
      closures.push_back(std::move(closure));
    });
    for (const clang::LambdaExpr* lambda : lambdas) {
      JudgeLocalsCapturedBy(lambda, function, index);
    }
  }
  for (const Closure& closure : closures) JudgeFieldsOf(closure, index);
}

bool ClosureCapturesMutableCheck::OrderedWithClosure(
    const FieldAccess& access, const Closure& closure,
    TranslationUnitIndex& index) const {
  const clang::SourceManager& sources = index.sources();
  if (access.context.deferred) return false;
  clang::SourceLocation location = access.expr->getMemberLoc();
  if (SameFunction(access.context.named_function, closure.created_in) &&
      sources.isBeforeInTranslationUnit(location, closure.created_at)) {
    return true;  // before the thread starts
  }
  for (clang::SourceLocation join :
       index.JoinsIn(access.context.named_function)) {
    if (sources.isBeforeInTranslationUnit(join, location)) return true;
  }
  return false;
}

void ClosureCapturesMutableCheck::JudgeFieldsOf(const Closure& closure,
                                                TranslationUnitIndex& index) {
  std::set<const clang::FieldDecl*> judged;
  for (const FieldAccess& inside : index.analysis().results().accesses) {
    if (!closure.contains(inside)) continue;
    const clang::FieldDecl* field = inside.field;
    if (NeedsNoLock(field) || IsImmutable(field) || HasDeclaredGuard(field)) {
      continue;
    }
    if (judged.count(field) > 0) continue;
    const FieldAccess* conflicting = nullptr;
    for (const FieldAccess* other : index.accesses_by_field().Of(field)) {
      if (closure.contains(*other) || !MayRunConcurrently(*other)) continue;
      if (!inside.is_write && !other->is_write) continue;
      if (inside.held.SharesLockWith(other->held)) continue;
      if (OrderedWithClosure(*other, closure, index)) continue;
      if (conflicting == nullptr ||
          (other->is_write && !conflicting->is_write)) {
        conflicting = other;
      }
    }
    if (conflicting == nullptr) continue;
    judged.insert(field);
    clang::SourceLocation location = inside.expr->getMemberLoc();
    if (!FirstReport(location, field->getNameAsString())) continue;
    std::string name = field->getNameAsString();
    diag(location,
         "field '%0' is %1 in %2, and %3 in %4 with no lock held in common")
        << name << (inside.is_write ? "written" : "read") << closure.description
        << (conflicting->is_write ? "written" : "read")
        << WhereAccessed(*conflicting);
    diag(conflicting->expr->getMemberLoc(), "'%0' is %1 here",
         clang::DiagnosticIDs::Note)
        << name << (conflicting->is_write ? "written" : "read");
    diag(location,
         "capture the value the closure needs when it is created "
         "([%0 = %1]), or hold one mutex at both places and declare it with "
         "ABSL_GUARDED_BY",
         clang::DiagnosticIDs::Note)
        << llvm::StringRef(name).rtrim('_') << name;
  }
}

void ClosureCapturesMutableCheck::JudgeLocalsCapturedBy(
    const clang::LambdaExpr* lambda, const clang::FunctionDecl* function,
    TranslationUnitIndex& index) {
  bool by_reference = false;
  for (const clang::LambdaCapture& capture : lambda->captures()) {
    by_reference |= capture.capturesVariable() &&
                    capture.getCaptureKind() == clang::LCK_ByRef;
  }
  if (!by_reference) return;
  const ExpressionContext& expressions = index.ExpressionsOf(function);
  if (expressions.DeferralOf(lambda) != LambdaDeferral::kRunsElsewhere) return;
  const clang::SourceManager& sources = index.sources();
  const auto& lockset_at = index.analysis().results().lockset_at;
  auto held_at = [&](const clang::Stmt* stmt) {
    auto it = lockset_at.find(stmt);
    return it == lockset_at.end() ? Lockset() : it->second;
  };

  // Where the code around the lambda stops running alongside it.
  clang::SourceLocation end = lambda->getEndLoc();
  clang::SourceLocation joined;
  for (clang::SourceLocation join : index.JoinsIn(function)) {
    if (sources.isBeforeInTranslationUnit(end, join) &&
        (joined.isInvalid() || sources.isBeforeInTranslationUnit(join, joined)))
      joined = join;
  }

  for (const clang::LambdaCapture& capture : lambda->captures()) {
    if (!capture.capturesVariable() ||
        capture.getCaptureKind() != clang::LCK_ByRef) {
      continue;
    }
    const auto* var = llvm::dyn_cast<clang::VarDecl>(capture.getCapturedVar());
    if (var == nullptr || var->hasGlobalStorage() ||
        !IsSharedMutableLocal(var)) {
      continue;
    }
    std::vector<const clang::DeclRefExpr*> inside;
    ForEachStmt(lambda->getBody(), [&](const clang::Stmt* stmt) {
      const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt);
      if (ref != nullptr && ref->getDecl() == var &&
          IsSharedStateAccess(ref, expressions)) {
        inside.push_back(ref);
      }
    });
    std::vector<const clang::DeclRefExpr*> outside;
    ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
      const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt);
      if (ref == nullptr || ref->getDecl() != var ||
          !IsSharedStateAccess(ref, expressions)) {
        return;
      }
      clang::SourceLocation at = ref->getLocation();
      if (!sources.isBeforeInTranslationUnit(end, at)) return;
      if (joined.isValid() && sources.isBeforeInTranslationUnit(joined, at))
        return;
      outside.push_back(ref);
    });

    std::string name = var->getNameAsString();
    for (const clang::DeclRefExpr* in : inside) {
      bool in_write = expressions.IsWrite(in);
      if (in_write && WritesOwnSlot(in, lambda, expressions)) continue;
      Lockset in_held = held_at(in);
      if (in_write && in_held.empty() &&
          StartedInLoopSharing(lambda, var, expressions)) {
        if (!FirstReport(in->getLocation(), name)) break;
        diag(in->getLocation(),
             "local '%0' is captured by reference by a lambda that is started "
             "in a loop and written there: every copy that runs writes it "
             "with no lock held")
            << name;
        diag(in->getLocation(),
             "make '%0' a std::atomic, give each thread its own result, or "
             "hold one mutex around every access",
             clang::DiagnosticIDs::Note)
            << name;
        break;
      }
      const clang::DeclRefExpr* conflicting = nullptr;
      for (const clang::DeclRefExpr* out : outside) {
        if (lambda->getSourceRange().fullyContains(out->getSourceRange()))
          continue;
        bool out_write = expressions.IsWrite(out);
        if (!in_write && !out_write) continue;
        if (in_held.SharesLockWith(held_at(out))) continue;
        // An element written on one side, the container only read on the
        // other (its size, another element): no common memory is written.
        bool in_element = ElementIndex(in, expressions) != nullptr;
        bool out_element = ElementIndex(out, expressions) != nullptr;
        if ((out_write && out_element && !in_write && !in_element) ||
            (in_write && in_element && !out_write && !out_element)) {
          continue;
        }
        conflicting = out;
        break;
      }
      if (conflicting == nullptr) continue;
      if (!FirstReport(in->getLocation(), name)) break;
      bool out_write = expressions.IsWrite(conflicting);
      diag(in->getLocation(),
           "local '%0' is captured by reference by a lambda that runs later or "
           "on another thread and %1 there, while '%2' %3 it with no lock held "
           "in common")
          << name << (in_write ? "written" : "read")
          << FunctionDisplayName(function) << (out_write ? "writes" : "reads");
      diag(conflicting->getLocation(),
           "'%0' is %1 here, before the thread is joined",
           clang::DiagnosticIDs::Note)
          << name << (out_write ? "written" : "read");
      diag(in->getLocation(),
           "capture it by value, make it std::atomic, or hold one mutex at "
           "both places",
           clang::DiagnosticIDs::Note);
      break;
    }
  }
}

}  // namespace lockstep::lint
