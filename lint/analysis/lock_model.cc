#include "lint/analysis/lock_model.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "lint/analysis/expression_context.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

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

namespace {

// A lock by declaration: a capability-annotated record or one of the std::
// mutexes.
bool IsDeclaredLock(const clang::CXXRecordDecl* record) {
  return record->hasAttr<clang::CapabilityAttr>() ||
         NameIn(record, {"std::mutex", "std::timed_mutex",
                         "std::recursive_mutex", "std::recursive_timed_mutex",
                         "std::shared_mutex", "std::shared_timed_mutex"});
}

std::optional<NamedLockOperation> CallLockOperation(const clang::CallExpr* call,
                                                    int depth);

// What a member does to the lock its class wraps, by its body, when its
// name says nothing: every lock operation in it acquires (LibreOffice's
// `acquire()`, SQLite's `enter`), or every one releases (Kodi's `exit()`,
// a loop of unlock()). A body that does both (a queue's Push that locks
// and unlocks) is no lock operation.
std::optional<NamedLockOperation> UniformBodyLockOperation(
    const clang::CXXMethodDecl* method) {
  const clang::FunctionDecl* definition = nullptr;
  if (!method->hasBody(definition)) return std::nullopt;
  std::optional<NamedLockOperation> uniform;
  bool mixed = false;
  std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* stmt) {
    if (stmt == nullptr || mixed || llvm::isa<clang::LambdaExpr>(stmt)) return;
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
      std::optional<NamedLockOperation> operation = CallLockOperation(call, 2);
      if (operation && operation->effect != LockEffect::kNone) {
        if (uniform && uniform->effect != operation->effect) mixed = true;
        if (!uniform) uniform = operation;
      }
    }
    for (const clang::Stmt* child : stmt->children()) visit(child);
  };
  visit(definition->getBody());
  if (mixed) return std::nullopt;
  return uniform;
}

// A class that wraps a lock (a field or base that is one) and has the
// members of C++'s BasicLockable (a lock() and an unlock(), in any of the
// spellings of LockOperationNamed): a project's own mutex, annotated or not,
// with its methods defined inline or elsewhere (port::Mutex,
// InstrumentedMutex, QMutex, WTF::Lock, llvm::sys::SmartMutex).
bool IsLockWrapperUncached(const clang::CXXRecordDecl* record, int depth);

// What the lock model has worked out about one translation unit's classes
// and functions. Declarations die with their AST, so the answers are
// forgotten when another translation unit's declarations are asked about.
struct Remembered {
  const clang::ASTContext* context = nullptr;
  llvm::DenseMap<const clang::CXXRecordDecl*, bool> lock_wrappers;
  llvm::DenseMap<const clang::FunctionDecl*, std::optional<NamedLockOperation>>
      lock_operations;
  llvm::DenseMap<const clang::FunctionDecl*, std::optional<NamedLockOperation>>
      parameter_operations;
  llvm::DenseMap<const clang::CXXMethodDecl*, std::optional<OwnLockOperation>>
      own_lock_operations;
};

Remembered& Storage() {
  thread_local Remembered remembered;
  return remembered;
}

Remembered& RememberedFor(const clang::ASTContext& context) {
  Remembered& remembered = Storage();
  if (remembered.context != &context) {
    remembered = Remembered();
    remembered.context = &context;
  }
  return remembered;
}

// Answers are remembered per class (Remembered): large code bases ask about
// the same classes at every variable, and a class's methods' bodies are
// read once.
bool IsLockWrapper(const clang::CXXRecordDecl* record, int depth) {
  if (depth > 4 || !record->hasDefinition()) return false;
  record = record->getDefinition();
  llvm::DenseMap<const clang::CXXRecordDecl*, bool>& known =
      RememberedFor(record->getASTContext()).lock_wrappers;
  auto it = known.find(record);
  if (it != known.end()) return it->second;
  // A guard's destructor may unlock through the lock it belongs to.
  thread_local llvm::SmallPtrSet<const clang::CXXRecordDecl*, 4> in_progress;
  if (!in_progress.insert(record).second) return false;
  bool wrapper = IsLockWrapperUncached(record, depth);
  in_progress.erase(record);
  // Answers cut short by the depth bound are not the class's own.
  if (depth == 0)
    RememberedFor(record->getASTContext()).lock_wrappers[record] = wrapper;
  return wrapper;
}

bool IsLockWrapperUncached(const clang::CXXRecordDecl* record, int depth) {
  // A class derived from a lock is one (RocksDB's
  // CacheAlignedInstrumentedMutex : InstrumentedMutex).
  for (const clang::CXXBaseSpecifier& base : record->bases()) {
    const clang::CXXRecordDecl* inner = RecordOf(base.getType());
    if (inner != nullptr && inner != record &&
        (IsDeclaredLock(inner) || IsLockWrapper(inner, depth + 1))) {
      return true;
    }
  }
  // What it locks: a lock it holds (directly, through a pointer or smart
  // pointer, or inside a private Impl), or the atomic word of a spin lock
  // (gperftools' and Kudu's SpinLock, a test-and-set on std::atomic_flag).
  std::function<bool(clang::QualType, int)> wraps = [&](clang::QualType type,
                                                        int nesting) {
    if (nesting > 3) return false;
    if (IsPlatformLockType(type)) return true;
    if (type->isPointerType()) type = type->getPointeeType();
    const clang::CXXRecordDecl* inner = RecordOf(type);
    if (inner == nullptr || inner == record) return false;
    if (NameIn(inner, {"std::atomic", "std::atomic_flag"})) return true;
    if (IsDeclaredLock(inner) || IsLockWrapper(inner, depth + 1)) return true;
    if (const auto* owner =
            llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(inner)) {
      if (NameIn(owner, {"std::unique_ptr", "std::shared_ptr"}) &&
          owner->getTemplateArgs().size() > 0 &&
          owner->getTemplateArgs()[0].getKind() ==
              clang::TemplateArgument::Type) {
        return wraps(owner->getTemplateArgs()[0].getAsType(), nesting + 1);
      }
      return false;
    }
    if (!inner->hasDefinition()) return false;
    for (const clang::FieldDecl* field : inner->getDefinition()->fields()) {
      if (wraps(field->getType(), nesting + 1)) return true;
    }
    return false;
  };
  // By name (a lock()/unlock() pair, even defined in another file), then,
  // for a class that plainly holds a lock, by what its members' bodies do.
  auto lock_members = [&](bool by_body) {
    bool acquires = false;
    bool releases = false;
    for (const clang::CXXMethodDecl* method : record->methods()) {
      if (!method->getDeclName().isIdentifier() || method->isStatic()) continue;
      std::optional<NamedLockOperation> operation =
          LockOperationNamed(method->getName());
      if (!operation && by_body) operation = UniformBodyLockOperation(method);
      if (!operation) continue;
      if (operation->effect == LockEffect::kAcquires) {
        acquires = true;
        releases |= ReturnsItsGuard(method);
      } else {
        releases = true;
      }
    }
    return acquires && releases;
  };
  // A lock whose implementation is out of sight (Arrow's `util::Mutex`
  // over a private Impl), named as one, with members named as its
  // operations.
  if (IsLockName(record->getName()) && lock_members(/*by_body=*/false) &&
      !record->fields().empty()) {
    bool opaque = true;
    for (const clang::FieldDecl* field : record->fields()) {
      clang::QualType type = field->getType();
      const clang::CXXRecordDecl* inner = RecordOf(type);
      if (const auto* owner =
              llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
                  inner)) {
        if (NameIn(owner, {"std::unique_ptr", "std::shared_ptr"}) &&
            owner->getTemplateArgs().size() > 0 &&
            owner->getTemplateArgs()[0].getKind() ==
                clang::TemplateArgument::Type) {
          type = owner->getTemplateArgs()[0].getAsType();
        }
      }
      if (type->isPointerType()) type = type->getPointeeType();
      opaque &= type->isIncompleteType();
    }
    if (opaque) return true;
  }
  if (lock_members(/*by_body=*/false)) {
    for (const clang::FieldDecl* field : record->fields()) {
      if (wraps(field->getType(), 0)) return true;
    }
    for (const clang::CXXBaseSpecifier& base : record->bases()) {
      if (wraps(base.getType(), 0)) return true;
    }
    return false;
  }
  // The plain check keeps the bodies of most classes unread: a field that
  // is a platform, std or annotated lock.
  bool holds_plain_lock = false;
  for (const clang::FieldDecl* field : record->fields()) {
    clang::QualType type = field->getType();
    if (type->isPointerType()) type = type->getPointeeType();
    const clang::CXXRecordDecl* inner = RecordOf(type);
    holds_plain_lock = holds_plain_lock || IsPlatformLockType(type) ||
                       (inner != nullptr && IsDeclaredLock(inner));
  }
  return holds_plain_lock && lock_members(/*by_body=*/true);
}

}  // namespace

bool IsLockableType(clang::QualType type) {
  if (IsPlatformLockType(type) || IsLockNamedStruct(type)) return true;
  const clang::CXXRecordDecl* record = RecordOf(type);
  if (record == nullptr) return false;
  return IsDeclaredLock(record) || IsLockWrapper(record, 0);
}

bool IsLockOrPointerToLock(clang::QualType type) {
  if (type->isPointerType()) type = type->getPointeeType();
  return IsLockableType(type);
}

namespace {

// IsStructHoldingALock, through up to three levels of nested plain structs
// (GStreamer's `GMutex lock` inside a ring buffer, GMutex holding the
// pthread_mutex_t).
bool HoldsALock(clang::QualType type, int depth) {
  if (depth > 3) return false;
  if (type->isPointerType()) type = type->getPointeeType();
  const clang::CXXRecordDecl* record = RecordOf(type);
  if (record == nullptr || !record->hasDefinition()) return false;
  record = record->getDefinition();
  if (!record->methods().empty() && !record->isCLike()) return false;
  for (const clang::FieldDecl* field : record->fields()) {
    clang::QualType field_type = field->getType();
    if (IsPlatformLockType(field_type) || IsLockableType(field_type) ||
        (field_type->isPointerType() &&
         IsOpaqueLockHandle(field_type->getPointeeType())) ||
        HoldsALock(field_type, depth + 1)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsStructHoldingALock(clang::QualType type) { return HoldsALock(type, 0); }

namespace {

// The lock operation of one call: from the callee's attributes, from POSIX's
// lock functions, or from its name when it is made on a lockable object; a
// call to a method of the same object (a guard's private lock()) counts
// with what that method does.
std::optional<NamedLockOperation> FirstLockOperationIn(
    const clang::Stmt* stmt, const clang::ASTContext& context, int depth);

std::optional<NamedLockOperation> LockOperationOfFunction(
    const clang::FunctionDecl* function, int depth) {
  if (function == nullptr) return std::nullopt;
  if (const auto* attr = function->getAttr<clang::AcquireCapabilityAttr>())
    return NamedLockOperation{LockEffect::kAcquires, !attr->isShared()};
  if (const auto* attr = function->getAttr<clang::ReleaseCapabilityAttr>())
    return NamedLockOperation{LockEffect::kReleases, !attr->isShared()};
  const clang::FunctionDecl* definition = nullptr;
  if (depth > 3 || !function->hasBody(definition)) return std::nullopt;
  // A constructor's base and member initializers run before its body
  // (HotSpot's `MonitorLocker(Monitor* m) : MutexLocker(m) {}`).
  if (const auto* ctor =
          llvm::dyn_cast<clang::CXXConstructorDecl>(definition)) {
    for (const clang::CXXCtorInitializer* init : ctor->inits()) {
      if (!init->isBaseInitializer() && !init->isMemberInitializer()) continue;
      // A base or member built by a locking constructor, or initialized
      // by a call that locks (Kodi's CSingleExit: `m_count(cs.exit())`).
      const clang::Expr* value = init->getInit()->IgnoreImplicit();
      const auto* construct = llvm::dyn_cast<clang::CXXConstructExpr>(value);
      std::optional<NamedLockOperation> operation =
          construct != nullptr
              ? LockOperationOfFunction(construct->getConstructor(), depth + 1)
              : FirstLockOperationIn(value, definition->getASTContext(),
                                     depth + 1);
      if (operation && operation->effect != LockEffect::kNone) return operation;
    }
  }
  std::optional<NamedLockOperation> operation = FirstLockOperationIn(
      definition->getBody(), definition->getASTContext(), depth + 1);
  if (operation && operation->effect != LockEffect::kNone) return operation;
  // A destructor's members and bases are destroyed after its body.
  if (const auto* dtor = llvm::dyn_cast<clang::CXXDestructorDecl>(definition)) {
    const clang::CXXRecordDecl* record = dtor->getParent();
    std::vector<const clang::CXXRecordDecl*> parts;
    for (const clang::FieldDecl* field : record->fields())
      parts.push_back(field->getType()->getAsCXXRecordDecl());
    for (const clang::CXXBaseSpecifier& base : record->bases())
      parts.push_back(base.getType()->getAsCXXRecordDecl());
    for (const clang::CXXRecordDecl* part : parts) {
      if (part == nullptr || !part->hasDefinition()) continue;
      operation = LockOperationOfFunction(
          part->getDefinition()->getDestructor(), depth + 1);
      if (operation && operation->effect != LockEffect::kNone) return operation;
    }
  }
  return operation;
}

std::optional<NamedLockOperation> CallLockOperation(const clang::CallExpr* call,
                                                    int depth) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr) return std::nullopt;
  if (const auto* attr = callee->getAttr<clang::AcquireCapabilityAttr>())
    return NamedLockOperation{LockEffect::kAcquires, !attr->isShared()};
  if (const auto* attr = callee->getAttr<clang::ReleaseCapabilityAttr>())
    return NamedLockOperation{LockEffect::kReleases, !attr->isShared()};
  if (!callee->getDeclName().isIdentifier()) return std::nullopt;
  if (std::optional<NamedLockOperation> posix =
          PlatformLockOperation(callee->getName())) {
    return posix;
  }
  const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call);
  if (member == nullptr) {
    // A free or static wrapper of the platform's lock functions, given the
    // lock (libuv's uv_mutex_lock, Node's Traits::mutex_lock): what its
    // body does to it.
    for (const clang::Expr* arg : call->arguments()) {
      clang::QualType type = arg->getType();
      if (type->isPointerType()) type = type->getPointeeType();
      if (IsLockableType(type) || IsPlatformLockType(type) ||
          IsStructHoldingALock(type)) {
        std::optional<NamedLockOperation> operation =
            LockOperationOfFunction(callee, depth);
        // A C library's lock whose functions are declared only, or do
        // their work on atomics (SQLite's, DPDK's): their names say.
        if (!operation && IsLockNamedStruct(type))
          operation = FreeLockOperationNamed(callee->getName());
        return operation;
      }
    }
    return std::nullopt;
  }
  const clang::Expr* object = member->getImplicitObjectArgument();
  if (object == nullptr) return std::nullopt;
  if (llvm::isa<clang::CXXThisExpr>(object->IgnoreParenImpCasts()))
    return LockOperationOfFunction(callee, depth);
  clang::QualType type = object->getType();
  if (type->isPointerType()) type = type->getPointeeType();
  if (!IsLockableType(type)) return std::nullopt;
  if (std::optional<NamedLockOperation> named =
          LockOperationNamed(callee->getName())) {
    return named;
  }
  // A lock's own member with another name (V8's LockExclusive): what its
  // body does.
  return LockOperationOfFunction(callee, depth);
}

std::optional<NamedLockOperation> FirstLockOperationIn(
    const clang::Stmt* stmt, const clang::ASTContext& context, int depth) {
  if (stmt == nullptr) return std::nullopt;
  if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
    std::optional<NamedLockOperation> operation =
        CallLockOperation(call, depth);
    if (operation && operation->effect != LockEffect::kNone) return operation;
  }
  // A condition fixed by the instantiation (V8's SharedMutexGuard<kMode>:
  // `if (kMode == kShared) LockShared(); else LockExclusive();`) leaves one
  // branch that ever runs.
  if (const auto* branch = llvm::dyn_cast<clang::IfStmt>(stmt)) {
    const clang::Expr* condition = branch->getCond();
    bool value = false;
    if (condition != nullptr && !condition->isValueDependent() &&
        condition->EvaluateAsBooleanCondition(value, context)) {
      return FirstLockOperationIn(value ? branch->getThen() : branch->getElse(),
                                  context, depth);
    }
  }
  for (const clang::Stmt* child : stmt->children()) {
    std::optional<NamedLockOperation> operation =
        FirstLockOperationIn(child, context, depth);
    if (operation && operation->effect != LockEffect::kNone) return operation;
  }
  return std::nullopt;
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

namespace {

// LockOperationOfFunction from the top, remembered per function: every
// variable of a class type asks whether its type is a guard.
std::optional<NamedLockOperation> FunctionLockOperation(
    const clang::FunctionDecl* function) {
  if (function == nullptr) return std::nullopt;
  auto& known = RememberedFor(function->getASTContext()).lock_operations;
  auto it = known.find(function);
  if (it != known.end()) return it->second;
  std::optional<NamedLockOperation> operation =
      LockOperationOfFunction(function, 0);
  RememberedFor(function->getASTContext()).lock_operations[function] =
      operation;
  return operation;
}

}  // namespace

void ForgetLockModelAnswers() { Storage() = Remembered(); }

namespace {

std::optional<OwnLockOperation> OwnMemberLockOperationUncached(
    const clang::CXXMethodDecl* method) {
  const clang::FunctionDecl* definition = nullptr;
  if (method->isStatic() || !method->hasBody(definition)) return std::nullopt;
  std::optional<OwnLockOperation> uniform;
  std::optional<std::string> key;
  bool other = false;
  ForEachStmt(definition->getBody(), [&](const clang::Stmt* stmt) {
    const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt);
    if (other || call == nullptr) return;
    std::optional<NamedLockOperation> operation = CallLockOperation(call, 2);
    if (!operation || operation->effect == LockEffect::kNone) return;
    // The lock operated on: a member call's object, or a free function's
    // first argument (`pthread_mutex_lock(&mu_)`).
    const clang::Expr* lock = nullptr;
    if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call)) {
      lock = member->getImplicitObjectArgument();
    } else if (call->getNumArgs() > 0) {
      lock = call->getArg(0);
    }
    std::optional<LockName> name = NameLockExpr(lock);
    if (!name || !llvm::StringRef(name->key).startswith("this.") ||
        (key && *key != name->key) ||
        (uniform && uniform->operation.effect != operation->effect)) {
      other = true;
      return;
    }
    key = name->key;
    uniform = OwnLockOperation{*operation, lock};
  });
  if (other) return std::nullopt;
  return uniform;
}

}  // namespace

std::optional<OwnLockOperation> OwnMemberLockOperation(
    const clang::CXXMethodDecl* method) {
  if (method == nullptr) return std::nullopt;
  auto& known = RememberedFor(method->getASTContext()).own_lock_operations;
  auto it = known.find(method);
  if (it != known.end()) return it->second;
  std::optional<OwnLockOperation> operation =
      OwnMemberLockOperationUncached(method);
  RememberedFor(method->getASTContext()).own_lock_operations[method] =
      operation;
  return operation;
}

std::optional<NamedLockOperation> ParameterLockOperation(
    const clang::FunctionDecl* function) {
  const clang::FunctionDecl* definition = nullptr;
  if (function == nullptr || llvm::isa<clang::CXXMethodDecl>(function) ||
      function->getNumParams() == 0 || !function->hasBody(definition)) {
    return std::nullopt;
  }
  auto& known = RememberedFor(function->getASTContext()).parameter_operations;
  auto it = known.find(definition);
  if (it != known.end()) return it->second;
  const clang::ParmVarDecl* given = definition->getParamDecl(0);
  std::optional<NamedLockOperation> uniform;
  bool other = false;
  ForEachStmt(definition->getBody(), [&](const clang::Stmt* stmt) {
    const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt);
    if (other || call == nullptr) return;
    std::optional<NamedLockOperation> operation = CallLockOperation(call, 2);
    if (!operation || operation->effect == LockEffect::kNone) return;
    bool on_given = false;
    for (const clang::Expr* arg : call->arguments())
      on_given |= IsReachedFrom(arg, given);
    if (const auto* member = llvm::dyn_cast<clang::CXXMemberCallExpr>(call))
      on_given |= IsReachedFrom(member->getImplicitObjectArgument(), given);
    if (!on_given || (uniform && uniform->effect != operation->effect)) {
      other = true;
      return;
    }
    if (!uniform) uniform = operation;
  });
  if (other) uniform = std::nullopt;
  RememberedFor(function->getASTContext()).parameter_operations[definition] =
      uniform;
  return uniform;
}

LockEffect LockEffectOf(const clang::FunctionDecl* function) {
  std::optional<NamedLockOperation> operation = FunctionLockOperation(function);
  return operation ? operation->effect : LockEffect::kNone;
}

bool AcquiresShared(const clang::FunctionDecl* function) {
  std::optional<NamedLockOperation> operation = FunctionLockOperation(function);
  return operation && operation->effect == LockEffect::kAcquires &&
         !operation->exclusive;
}

bool TakesALock(const clang::FunctionDecl* function) {
  const clang::FunctionDecl* definition = nullptr;
  if (function == nullptr || !function->hasBody(definition)) return false;
  bool takes = false;
  std::function<void(const clang::Stmt*)> visit = [&](const clang::Stmt* stmt) {
    if (stmt == nullptr || takes) return;
    if (const auto* decl = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
      for (const clang::Decl* d : decl->decls()) {
        const auto* var = llvm::dyn_cast<clang::VarDecl>(d);
        if (var != nullptr && IsScopedGuardType(var->getType())) takes = true;
      }
    }
    if (const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt)) {
      std::optional<NamedLockOperation> operation = CallLockOperation(call, 0);
      if (operation && operation->effect == LockEffect::kAcquires) takes = true;
    }
    if (llvm::isa<clang::LambdaExpr>(stmt)) return;
    for (const clang::Stmt* child : stmt->children()) visit(child);
  };
  visit(definition->getBody());
  return takes;
}

bool ReleasesOnDestruction(clang::QualType type) {
  const clang::CXXRecordDecl* record = RecordOf(type);
  if (record == nullptr || !record->hasDefinition()) return false;
  const clang::CXXDestructorDecl* destructor =
      record->getDefinition()->getDestructor();
  return destructor != nullptr &&
         LockEffectOf(destructor) == LockEffect::kReleases;
}

bool ReturnsItsGuard(const clang::CXXMethodDecl* method) {
  if (ReleasesOnDestruction(method->getReturnType())) return true;
  const clang::CXXRecordDecl* guard = RecordOf(method->getReturnType());
  if (guard == nullptr || !guard->hasDefinition()) return false;
  for (const clang::CXXMethodDecl* member : guard->getDefinition()->methods()) {
    if (!member->getDeclName().isIdentifier()) continue;
    std::optional<NamedLockOperation> operation =
        LockOperationNamed(member->getName());
    if (operation && operation->effect == LockEffect::kReleases) return true;
  }
  return false;
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

namespace {

// A project's condition variable: a class with a wait and a wake-up member
// (Wait/wait and Signal/SignalAll/Notify/notify_one/notify_all/Broadcast),
// declared by it or a base (port::CondVar, InstrumentedCondVar,
// QWaitCondition).
bool IsConditionWrapper(const clang::CXXRecordDecl* record, int depth) {
  if (depth > 3 || record == nullptr || !record->hasDefinition()) return false;
  record = record->getDefinition();
  bool waits = false;
  bool wakes = false;
  for (const clang::CXXMethodDecl* method : record->methods()) {
    if (!method->getDeclName().isIdentifier()) continue;
    llvm::StringRef name = method->getName();
    waits |= name == "Wait" || name == "wait";
    wakes |= name == "Signal" || name == "SignalAll" || name == "Notify" ||
             name == "NotifyAll" || name == "notify_one" ||
             name == "notify_all" || name == "Broadcast" || name == "wakeOne" ||
             name == "wakeAll";
  }
  if (waits && wakes) return true;
  for (const clang::CXXBaseSpecifier& base : record->bases()) {
    if (IsConditionWrapper(RecordOf(base.getType()), depth + 1)) return true;
  }
  return false;
}

}  // namespace

namespace {

bool IsSynchronizationTypeOrDerived(clang::QualType type, int depth) {
  if (IsLockableType(type) || IsPlatformSynchronizationType(type)) return true;
  const clang::CXXRecordDecl* record = RecordOf(type);
  if (record == nullptr) return false;
  if (IsConditionWrapper(record, 0)) return true;
  if (NameIn(record,
             {"std::atomic", "std::atomic_flag", "std::condition_variable",
              "std::condition_variable_any", "std::once_flag", "absl::CondVar",
              "absl::Notification", "absl::once_flag", "absl::BlockingCounter",
              "absl::Barrier", "std::latch", "std::barrier",
              "std::counting_semaphore", "std::binary_semaphore"})) {
    return true;
  }
  // A class that is one of these by inheritance shares its guarantees
  // (Unreal's TAtomic<T> : std::atomic<T>).
  if (depth >= 4 || !record->hasDefinition()) return false;
  for (const clang::CXXBaseSpecifier& base : record->getDefinition()->bases()) {
    if (base.getAccessSpecifier() == clang::AS_public &&
        IsSynchronizationTypeOrDerived(base.getType(), depth + 1)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsSynchronizationType(clang::QualType type) {
  return IsSynchronizationTypeOrDerived(type, 0);
}

std::string VariableKey(const clang::VarDecl* var) {
  return (var->hasGlobalStorage() ? "global:" : "local:") +
         PlainQualifiedName(var);
}

std::string ThisFieldKey(const clang::FieldDecl* field) {
  return "this." + FieldDisplayName(field);
}

std::string ExternalLockKey(llvm::StringRef documented_name) {
  return "external:" + documented_name.str();
}

bool IsExternalLockKey(llvm::StringRef key) {
  return key.startswith("external:");
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

namespace {

// The parameter `function` returns as its lock: the one its LOCK_RETURNED
// names, or the one a body of just `return param;` returns.
std::optional<unsigned> ReturnedLockArgument(
    const clang::FunctionDecl* function) {
  if (function == nullptr) return std::nullopt;
  auto index_of = [&](const clang::Expr* expr) -> std::optional<unsigned> {
    if (expr == nullptr) return std::nullopt;
    expr = expr->IgnoreParenImpCasts();
    if (const auto* unary = llvm::dyn_cast<clang::UnaryOperator>(expr)) {
      if (unary->getOpcode() == clang::UO_AddrOf ||
          unary->getOpcode() == clang::UO_Deref) {
        expr = unary->getSubExpr()->IgnoreParenImpCasts();
      }
    }
    const auto* ref = llvm::dyn_cast<clang::DeclRefExpr>(expr);
    const auto* param =
        ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
    if (param == nullptr) return std::nullopt;
    return param->getFunctionScopeIndex();
  };
  if (const auto* attr = function->getAttr<clang::LockReturnedAttr>())
    return index_of(attr->getArg());
  if (function->getNumParams() == 0 || function->getBody() == nullptr ||
      !function->getReturnType()->isReferenceType()) {
    return std::nullopt;
  }
  const auto* body = llvm::dyn_cast<clang::CompoundStmt>(function->getBody());
  if (body == nullptr || body->size() != 1) return std::nullopt;
  const auto* ret = llvm::dyn_cast<clang::ReturnStmt>(body->body_front());
  if (ret == nullptr) return std::nullopt;
  std::optional<unsigned> index = index_of(ret->getRetValue());
  if (!index ||
      !IsLockOrPointerToLock(
          function->getParamDecl(*index)->getType().getNonReferenceType())) {
    return std::nullopt;
  }
  return index;
}

}  // namespace

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
    if (const auto* var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()))
      return LockName{VariableKey(var), var->getNameAsString()};
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
    // A function that hands back the lock it is given: Bitcoin Core's
    // `MaybeCheckNotHeld(cs) LOCK_RETURNED(cs)` inside LOCK(cs).
    if (std::optional<unsigned> index = ReturnedLockArgument(callee)) {
      if (*index < call->getNumArgs())
        return NameLockExpr(call->getArg(*index), this_object);
    }
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
