#include "lint/analysis/struct_receiver.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "lint/analysis/expression_context.h"
#include "lint/analysis/lock_model.h"
#include "llvm/ADT/StringRef.h"

namespace lockstep::lint {
namespace {

const clang::RecordDecl* PointedToRecord(clang::QualType type) {
  type = type.getNonReferenceType();
  if (type->isPointerType()) type = type->getPointeeType();
  const clang::RecordDecl* record = type->getAsRecordDecl();
  return record == nullptr
             ? nullptr
             : llvm::cast<clang::RecordDecl>(record->getCanonicalDecl());
}

// A call that initializes or destroys the lock it is given: the platforms'
// (pthread_mutex_init, DeleteCriticalSection, C11's mtx_destroy, ...), or a
// free function whose body makes one on the parameter it passes on
// (GLib's g_mutex_init, Mesa's simple_mtx_destroy).
bool IsLockLifetimeCall(const clang::CallExpr* call, int depth) {
  const clang::FunctionDecl* callee = call->getDirectCallee();
  if (callee == nullptr || !callee->getDeclName().isIdentifier()) return false;
  if (IsPlatformLockLifetimeFunction(callee->getName())) return true;
  // A C library's lock made or unmade by a function declared only
  // (`uv_mutex_init(&q->mutex)`).
  if (call->getNumArgs() > 0 && IsLockLifetimeNamed(callee->getName())) {
    clang::QualType given = call->getArg(0)->getType();
    if (given->isPointerType()) given = given->getPointeeType();
    if (IsLockNamedStruct(given) || IsPlatformLockType(given)) return true;
  }
  const clang::FunctionDecl* definition = nullptr;
  if (depth > 2 || llvm::isa<clang::CXXMethodDecl>(callee) ||
      callee->getNumParams() == 0 || !callee->hasBody(definition)) {
    return false;
  }
  const clang::ParmVarDecl* given = definition->getParamDecl(0);
  bool found = false;
  ForEachStmt(definition->getBody(), [&](const clang::Stmt* stmt) {
    const auto* inner = llvm::dyn_cast<clang::CallExpr>(stmt);
    if (found || inner == nullptr || inner->getNumArgs() == 0) return;
    found = IsReachedFrom(inner->getArg(0), given) &&
            IsLockLifetimeCall(inner, depth + 1);
  });
  return found;
}

}  // namespace

const clang::ParmVarDecl* StructReceiver(const clang::FunctionDecl* function) {
  if (function == nullptr || llvm::isa<clang::CXXMethodDecl>(function) ||
      function->getNumParams() == 0) {
    return nullptr;
  }
  const clang::ParmVarDecl* first = function->getParamDecl(0);
  clang::QualType type = first->getType();
  if (!type->isPointerType() && !type->isReferenceType()) return nullptr;
  const clang::RecordDecl* record = PointedToRecord(type);
  // The lock itself is no receiver: g_mutex_lock(GMutex *) works on a lock.
  if (record == nullptr || !IsStructHoldingALock(type.getNonReferenceType()) ||
      IsLockOrPointerToLock(type.getNonReferenceType())) {
    return nullptr;
  }
  for (unsigned i = 1; i < function->getNumParams(); ++i) {
    if (PointedToRecord(function->getParamDecl(i)->getType()) == record)
      return nullptr;
  }
  return first;
}

bool SetsUpOrTearsDownReceiver(const clang::FunctionDecl* function,
                               const clang::ParmVarDecl* receiver) {
  if (function == nullptr || receiver == nullptr || !function->hasBody())
    return false;
  bool found = false;
  ForEachStmt(function->getBody(), [&](const clang::Stmt* stmt) {
    const auto* call = llvm::dyn_cast<clang::CallExpr>(stmt);
    if (found || call == nullptr || call->getNumArgs() == 0) return;
    found =
        IsReachedFrom(call->getArg(0), receiver) && IsLockLifetimeCall(call, 0);
  });
  return found;
}

std::string AsSeenByReceiver(const std::string& key,
                             const std::string& receiver_key) {
  if (key == receiver_key) return "this";
  llvm::StringRef rest(key);
  if (rest.consume_front(receiver_key) && rest.consume_front("."))
    return "this." + rest.str();
  return key;
}

Lockset AsSeenByReceiver(const Lockset& lockset,
                         const std::string& receiver_key) {
  return lockset.Renamed([&](const std::string& key) {
    return AsSeenByReceiver(key, receiver_key);
  });
}

}  // namespace lockstep::lint
