// What counts as a lock, a lock operation and a scoped guard.
//
// The model reads clang's thread-safety attributes (CAPABILITY/LOCKABLE,
// SCOPED_LOCKABLE, ACQUIRE/RELEASE/ASSERT/TRY_ACQUIRE, REQUIRES), so any
// annotated wrapper (Abseil, LevelDB, gRPC, Chromium style) works without a
// special case. The standard library is not annotated, so std::mutex and its
// guards are recognised by name.
#ifndef LOCKSTEP_LINT_ANALYSIS_LOCK_MODEL_H_
#define LOCKSTEP_LINT_ANALYSIS_LOCK_MODEL_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringRef.h"

namespace lockstep::lint {

// A lock named by its canonical key (see Lockset) and a short name for
// messages ("mu_").
struct LockName {
  std::string key;
  std::string display;
};

// True when `type` (a reference or a value) is a record named by one of
// `qualified_names`, inline namespaces left out: "std::mutex",
// "absl::Mutex" (Debian's Abseil lives in absl::debian3).
bool IsRecordNamed(clang::QualType type,
                   std::initializer_list<llvm::StringRef> qualified_names);

// True for types whose objects are locks: records with a capability attribute,
// and the std:: mutex family.
bool IsLockableType(clang::QualType type);

// True for the std:: guards (lock_guard, unique_lock, scoped_lock,
// shared_lock) and records marked SCOPED_LOCKABLE.
bool IsScopedGuardType(clang::QualType type);

// True for types that are safe to share without a lock, or are themselves
// synchronization: atomics, locks, condition variables, notifications, once
// flags.
bool IsSynchronizationType(clang::QualType type);

// The canonical lock name of an expression denoting a lock: `mu_`, `&mu_`,
// `this->mu_`, `other.mu_`, `*mu_ptr_`, a global. `this_object`, when set,
// stands for `this` (used to map a callee's attribute arguments onto the
// object a call is made on).
std::optional<LockName> NameLockExpr(const clang::Expr* expr,
                                     const clang::Expr* this_object = nullptr);

// The name of a field accessed through `this`, as it appears in lock keys.
std::string ThisFieldKey(const clang::FieldDecl* field);

// Qualified name of a field for messages: "Cache::size_".
std::string FieldDisplayName(const clang::FieldDecl* field);

// A function's name for messages: "Cache::Insert", or "lambda in
// Cache::Start".
std::string FunctionDisplayName(const clang::FunctionDecl* function);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_LOCK_MODEL_H_
