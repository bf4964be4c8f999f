#include "lint/analysis/lock_model.h"

#include <string>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

namespace lockstep::lint {
namespace {

const clang::CXXRecordDecl* RecordOf(clang::QualType type) {
  type = type.getNonReferenceType().getCanonicalType();
  if (const auto* record = type->getAsCXXRecordDecl()) return record;
  return nullptr;
}

// The qualified name without inline namespaces: "std::mutex",
// "absl::Mutex" (Debian's Abseil lives in absl::debian3).
std::string PlainQualifiedName(const clang::NamedDecl* decl) {
  std::string name;
  llvm::raw_string_ostream out(name);
  clang::PrintingPolicy policy(decl->getASTContext().getLangOpts());
  policy.SuppressInlineNamespace = true;
  policy.SuppressUnwrittenScope = true;
  decl->printQualifiedName(out, policy);
  return out.str();
}

bool NameIn(const clang::CXXRecordDecl* record,
            std::initializer_list<llvm::StringRef> names) {
  if (record == nullptr) return false;
  std::string name = PlainQualifiedName(record);
  for (llvm::StringRef candidate : names) {
    if (name == candidate) return true;
  }
  return false;
}

}  // namespace

bool IsRecordNamed(clang::QualType type,
                   std::initializer_list<llvm::StringRef> qualified_names) {
  return NameIn(RecordOf(type), qualified_names);
}

bool IsLockableType(clang::QualType type) {
  const clang::CXXRecordDecl* record = RecordOf(type);
  if (record == nullptr) return false;
  if (record->hasAttr<clang::CapabilityAttr>()) return true;
  return NameIn(record, {"std::mutex", "std::timed_mutex",
                         "std::recursive_mutex", "std::recursive_timed_mutex",
                         "std::shared_mutex", "std::shared_timed_mutex"});
}

namespace {

// The lock effect of one call: from the callee's attributes, or from its
// name when it is made on a lockable object.
LockEffect CallLockEffect(const clang::CallExpr* call) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr) return LockEffect::kNone;
  if (callee->hasAttr<clang::AcquireCapabilityAttr>())
    return LockEffect::kAcquires;
  if (callee->hasAttr<clang::ReleaseCapabilityAttr>())
    return LockEffect::kReleases;
  const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
  if (member == nullptr || !callee->getDeclName().isIdentifier())
    return LockEffect::kNone;
  const clang::Expr* object = member->getImplicitObjectArgument();
  if (object == nullptr) return LockEffect::kNone;
  clang::QualType type = object->getType();
  if (type->isPointerType()) type = type->getPointeeType();
  if (!IsLockableType(type)) return LockEffect::kNone;
  static const llvm::StringSet<> kAcquire = {
      "lock", "lock_shared", "Lock", "Acquire", "ReaderLock", "WriterLock"};
  static const llvm::StringSet<> kRelease = {"unlock",       "unlock_shared",
                                             "Unlock",       "Release",
                                             "ReaderUnlock", "WriterUnlock"};
  if (kAcquire.contains(callee->getName())) return LockEffect::kAcquires;
  if (kRelease.contains(callee->getName())) return LockEffect::kReleases;
  return LockEffect::kNone;
}

LockEffect FirstLockEffectIn(const clang::Stmt* stmt) {
  if (stmt == nullptr) return LockEffect::kNone;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
    LockEffect effect = CallLockEffect(call);
    if (effect != LockEffect::kNone) return effect;
  }
  for (const clang::Stmt* child : stmt->children()) {
    LockEffect effect = FirstLockEffectIn(child);
    if (effect != LockEffect::kNone) return effect;
  }
  return LockEffect::kNone;
}

LockEffect Opposite(LockEffect effect) {
  switch (effect) {
    case LockEffect::kAcquires:
      return LockEffect::kReleases;
    case LockEffect::kReleases:
      return LockEffect::kAcquires;
    case LockEffect::kNone:
      return LockEffect::kNone;
  }
  return LockEffect::kNone;
}

// An unannotated guard: some constructor takes or releases a lock and the
// destructor undoes it.
bool BehavesAsGuard(const clang::CXXRecordDecl* record) {
  if (!record->hasDefinition()) return false;
  const clang::CXXDestructorDecl* destructor = record->getDestructor();
  if (destructor == nullptr) return false;
  LockEffect undone = LockEffectOf(destructor);
  if (undone == LockEffect::kNone) return false;
  for (const clang::CXXConstructorDecl* ctor : record->ctors()) {
    if (LockEffectOf(ctor) == Opposite(undone)) return true;
  }
  return false;
}

}  // namespace

LockEffect LockEffectOf(const clang::FunctionDecl* function) {
  if (function == nullptr) return LockEffect::kNone;
  if (function->hasAttr<clang::AcquireCapabilityAttr>())
    return LockEffect::kAcquires;
  if (function->hasAttr<clang::ReleaseCapabilityAttr>())
    return LockEffect::kReleases;
  const clang::FunctionDecl* definition = nullptr;
  if (!function->hasBody(definition)) return LockEffect::kNone;
  return FirstLockEffectIn(definition->getBody());
}

bool IsScopedGuardType(clang::QualType type) {
  const clang::CXXRecordDecl* record = RecordOf(type);
  if (record == nullptr) return false;
  if (record->hasAttr<clang::ScopedLockableAttr>()) return true;
  if (NameIn(record, {"std::lock_guard", "std::unique_lock", "std::scoped_lock",
                      "std::shared_lock"})) {
    return true;
  }
  return BehavesAsGuard(record);
}

bool IsSynchronizationType(clang::QualType type) {
  if (IsLockableType(type)) return true;
  const clang::CXXRecordDecl* record = RecordOf(type);
  if (record == nullptr) return false;
  return NameIn(
      record, {"std::atomic", "std::atomic_flag", "std::condition_variable",
               "std::condition_variable_any", "std::once_flag", "absl::CondVar",
               "absl::Notification", "absl::once_flag", "absl::BlockingCounter",
               "absl::Barrier", "std::latch", "std::barrier",
               "std::counting_semaphore", "std::binary_semaphore"});
}

std::string ThisFieldKey(const clang::FieldDecl* field) {
  return "this." + FieldDisplayName(field);
}

std::string FieldDisplayName(const clang::FieldDecl* field) {
  return PlainQualifiedName(field);
}

std::string FunctionDisplayName(const clang::FunctionDecl* function) {
  if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(function)) {
    if (method->getParent()->isLambda()) {
      const auto* outer = llvm::dyn_cast_or_null<clang::FunctionDecl>(
          method->getParent()->getDeclContext());
      return outer != nullptr
                 ? "a lambda in '" + FunctionDisplayName(outer) + "'"
                 : "a lambda";
    }
  }
  return PlainQualifiedName(function);
}

std::optional<LockName> NameLockExpr(const clang::Expr* expr,
                                     const clang::Expr* this_object) {
  if (expr == nullptr) return std::nullopt;
  expr = expr->IgnoreParenImpCasts();
  if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr)) {
    if (unary->getOpcode() == clang::UO_AddrOf ||
        unary->getOpcode() == clang::UO_Deref) {
      return NameLockExpr(unary->getSubExpr(), this_object);
    }
    return std::nullopt;
  }
  if (const auto* op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(expr)) {
    // Smart pointers to locks: *mu_ptr_ and mu_ptr_->Lock().
    if ((op->getOperator() == clang::OO_Star ||
         op->getOperator() == clang::OO_Arrow) &&
        op->getNumArgs() == 1) {
      return NameLockExpr(op->getArg(0), this_object);
    }
    return std::nullopt;
  }
  if (const auto* member = llvm::dyn_cast<clang::MemberExpr>(expr)) {
    const auto* field =
        llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
    if (field == nullptr) return std::nullopt;
    const clang::Expr* base = member->getBase()->IgnoreParenImpCasts();
    if (llvm::isa<clang::CXXThisExpr>(base)) {
      if (this_object != nullptr &&
          !llvm::isa<clang::CXXThisExpr>(this_object->IgnoreParenImpCasts())) {
        std::optional<LockName> object = NameLockExpr(this_object);
        if (!object) return std::nullopt;
        return LockName{object->key + "." + FieldDisplayName(field),
                        object->display + "." + field->getNameAsString()};
      }
      return LockName{ThisFieldKey(field), field->getNameAsString()};
    }
    std::optional<LockName> object = NameLockExpr(base, this_object);
    if (!object) return std::nullopt;
    return LockName{object->key + "." + FieldDisplayName(field),
                    object->display + (member->isArrow() ? "->" : ".") +
                        field->getNameAsString()};
  }
  if (const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr)) {
    if (const auto* field = llvm::dyn_cast<clang::FieldDecl>(ref->getDecl())) {
      // Attribute arguments may name a field without `this->`.
      return LockName{ThisFieldKey(field), field->getNameAsString()};
    }
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl())) {
      std::string kind = var->hasGlobalStorage() ? "global:" : "local:";
      return LockName{kind + PlainQualifiedName(var), var->getNameAsString()};
    }
    return std::nullopt;
  }
  if (llvm::isa<clang::CXXThisExpr>(expr)) {
    if (this_object != nullptr) return NameLockExpr(this_object);
    return LockName{"this", "*this"};
  }
  // An accessor that returns the lock: `absl::MutexLock l(DataGuard());`,
  // `ABSL_EXCLUSIVE_LOCKS_REQUIRED(*DataGuard())`. Calls with arguments
  // could name different locks and stay unnamed.
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(expr)) {
    const clang::FunctionDecl* callee = call->getDirectCallee();
    if (callee == nullptr || call->getNumArgs() != 0 ||
        !callee->getDeclName().isIdentifier()) {
      return std::nullopt;
    }
    std::string name = callee->getNameAsString() + "()";
    if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
      const clang::Expr* object = member->getImplicitObjectArgument();
      if (object == nullptr) return std::nullopt;
      std::optional<LockName> base = NameLockExpr(object, this_object);
      if (!base) return std::nullopt;
      std::string qualified = PlainQualifiedName(callee) + "()";
      if (base->key == "this") return LockName{"this." + qualified, name};
      return LockName{base->key + "." + qualified, base->display + "." + name};
    }
    return LockName{"global:" + PlainQualifiedName(callee) + "()", name};
  }
  return std::nullopt;
}

}  // namespace lockstep::lint
