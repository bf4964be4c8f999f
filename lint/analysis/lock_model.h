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
#include "lint/analysis/lock_names.h"
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
// the std:: mutex family, POSIX's pthread_mutex_t / pthread_rwlock_t /
// pthread_spinlock_t, and classes that wrap one of those and have lock and
// unlock members (C++'s BasicLockable), annotated or not, and C libraries'
// lock structs known by name (IsLockNamedStruct).
bool IsLockableType(clang::QualType type);

// A lock, or a pointer to one (`InstrumentedMutex* db_mutex_`): what a
// guard's argument, a lock call's object or a candidate guard may be.
bool IsLockOrPointerToLock(clang::QualType type);

// A plain struct (no methods of its own) that holds a lock among its fields,
// reached directly or through a pointer: C's `typedef struct {
// pthread_mutex_t mtx; } simple_mtx_t`. A free function given one may lock
// it; its body says whether it does (Mesa's `simple_mtx_lock(&m)`).
bool IsStructHoldingALock(clang::QualType type);

// Drops what the lock model remembers about the classes and functions of
// the translation unit analysed last (their declarations die with its AST).
void ForgetLockModelAnswers();

// True when `function`'s body takes a lock itself (a scoped guard, or a call
// that acquires): its callers need none for what it does under it, whether
// the lock is a member or a file's static mutex.
bool TakesALock(const clang::FunctionDecl* function);

// True for a record whose destructor releases a lock: a guard, or the object
// a lock's own Lock() returns (`auto guard = mutex_.Lock();`).
bool ReleasesOnDestruction(clang::QualType type);

// True for a lock's acquiring member that returns the guard that releases
// it: its destructor does (ReleasesOnDestruction), or it has a releasing
// member (Arrow's `Guard Mutex::Lock()` whose Guard has `Unlock()`; the
// destructor's body may be out of sight).
bool ReturnsItsGuard(const clang::CXXMethodDecl* method);

// True for the std:: guards (lock_guard, unique_lock, scoped_lock,
// shared_lock), records marked SCOPED_LOCKABLE, and unannotated records that
// behave as guards: a constructor that takes or releases a lock it is given
// and a destructor that does the opposite (see LockEffectOf).
bool IsScopedGuardType(clang::QualType type);

// What a function does to the locks it is handed: takes them, releases
// them, or neither. Read from ACQUIRE/RELEASE attributes, or else from its
// body's first call that locks or unlocks a lockable object (lock/Lock/
// Acquire, unlock/Unlock/Release and their shared forms). A guard whose
// constructor releases is an unlock window for its scope (Chromium's
// AutoUnlock): its destructor takes the lock back.
LockEffect LockEffectOf(const clang::FunctionDecl* function);

// True when `function` takes its lock shared (a reader guard's constructor:
// ACQUIRE_SHARED, lock_shared(), ReaderLock(), lockForRead(), ...).
bool AcquiresShared(const clang::FunctionDecl* function);

// A method whose body takes or gives back one lock member of its object
// and nothing else (Godot's `void AudioDriver::lock() { mutex.lock(); }`,
// port::Mutex's `Lock()` over its pthread_mutex_t):
// what it does, and the lock as the body names it (`mutex`), to be named
// again on the object a call is made on (NameLockExpr's `this_object`).
struct OwnLockOperation {
  NamedLockOperation operation;
  const clang::Expr* lock = nullptr;
};
std::optional<OwnLockOperation> OwnMemberLockOperation(
    const clang::CXXMethodDecl* method);

// What a free function does to the lock its first parameter is, by its
// body, whatever that parameter's type (OpenSSL's `CRYPTO_THREAD_write_lock(
// CRYPTO_RWLOCK *lock)` over a `void`): every lock operation in the body is
// made on the parameter and all go the same way. A body that also locks
// something else, or both locks and unlocks, is no lock operation.
std::optional<NamedLockOperation> ParameterLockOperation(
    const clang::FunctionDecl* function);

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

// The key of a variable that is (or holds) a lock: "global:g_mu",
// "local:lock".
std::string VariableKey(const clang::VarDecl* var);

// The name of a field accessed through `this`, as it appears in lock keys.
std::string ThisFieldKey(const clang::FieldDecl* field);

// The key of a lock a method's documentation says its caller holds but that
// is no member of its class ("DB mutex"): held on entry, checkable only by
// the callers' code.
std::string ExternalLockKey(llvm::StringRef documented_name);
bool IsExternalLockKey(llvm::StringRef key);

// Qualified name of a field for messages: "Cache::size_".
std::string FieldDisplayName(const clang::FieldDecl* field);

// A function's name for messages: "Cache::Insert", or "lambda in
// Cache::Start".
std::string FunctionDisplayName(const clang::FunctionDecl* function);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_LOCK_MODEL_H_
