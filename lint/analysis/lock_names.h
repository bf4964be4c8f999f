// Locks and lock operations known by their names: for lock types whose
// members carry no annotation and whose bodies may be out of sight (a C
// library's `sqlite3_mutex_enter(mutex)`, the operating systems' own
// pthread_mutex_lock and EnterCriticalSection).
#ifndef LOCKSTEP_LINT_ANALYSIS_LOCK_NAMES_H_
#define LOCKSTEP_LINT_ANALYSIS_LOCK_NAMES_H_

#include <optional>

#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"

namespace lockstep::lint {

// What a function does to the locks it is handed: takes them, releases
// them, or neither.
enum class LockEffect { kNone, kAcquires, kReleases };

// A lock operation known by its name, for lock types whose members carry no
// annotation and whose bodies may be out of sight: lock/Lock/Acquire/
// WriterLock/lockForWrite..., their shared forms (lock_shared/ReaderLock/
// lockForRead...) and their unlock counterparts.
struct NamedLockOperation {
  LockEffect effect = LockEffect::kNone;
  bool exclusive = true;
};
std::optional<NamedLockOperation> LockOperationNamed(llvm::StringRef name);

// The operating systems' lock functions, which take the lock as their first
// argument: POSIX's (pthread_mutex_lock, pthread_rwlock_rdlock, ...) and
// Windows' (EnterCriticalSection, AcquireSRWLockShared, ...).
std::optional<NamedLockOperation> PlatformLockOperation(llvm::StringRef name);

// The operating systems' functions that initialize or destroy a lock
// (pthread_mutex_init, pthread_rwlock_destroy, DeleteCriticalSection, C11's
// mtx_init, ...): calls made before the lock's owner is shared or after it
// no longer is.
bool IsPlatformLockLifetimeFunction(llvm::StringRef name);

// For a member that asserts its lock is held (AssertHeld, AssertAcquired,
// assertIsHeld, ...): whether it asserts exclusive (true) or shared (false)
// holding; nullopt for any other name.
std::optional<bool> AssertsHeldNamed(llvm::StringRef name);

// The operating systems' locks, named by typedef: POSIX's pthread_mutex_t,
// pthread_rwlock_t and pthread_spinlock_t, Windows' CRITICAL_SECTION and
// SRWLOCK.
bool IsPlatformLockType(clang::QualType type);

// True for an identifier whose last word names a lock: `sqlite3_mutex`,
// `rte_spinlock_t`, `SpinLock`, `uv_rwlock_t` (words split at `_` and at
// lower-to-upper case changes; a typedef's trailing `t` is no word). Not
// `LockManager` or `block`.
bool IsLockName(llvm::StringRef identifier);

// A C library's lock: a plain struct (no methods), opaque or not, whose
// name is a lock's (IsLockName), reached through typedefs: SQLite's
// `sqlite3_mutex`, DPDK's `rte_spinlock_t`, or a typedef of void named like
// one, a handle only pointers reach (OpenSSL's `CRYPTO_RWLOCK`). Its
// functions say what they do by their names (FreeLockOperationNamed).
bool IsLockNamedStruct(clang::QualType type);

// A C library's lock that code can only hold through a pointer, because its
// type is opaque there (`sqlite3_mutex *mutex`, `CRYPTO_RWLOCK *lock`): the
// struct holding the pointer owns the lock, as one holding a pthread_mutex_t
// by value does.
bool IsOpaqueLockHandle(clang::QualType type);

// What a free function given a lock does to it, by the last word of its
// name: `_lock`/`_enter`/`_acquire`/`_wrlock` take it, `_rdlock` and
// `_read_lock` take it shared, `_unlock`/`_leave`/`_release` give it back
// (`sqlite3_mutex_enter`, `rte_spinlock_unlock`). `_trylock`, `_init` or
// `_held` are none.
std::optional<NamedLockOperation> FreeLockOperationNamed(llvm::StringRef name);

// True for a try-lock's name: try_lock, TryLock, TryAcquire, tryLock.
bool IsTryLockName(llvm::StringRef name);

// The operating systems' try-lock functions, which take the lock as their
// first argument: whether they take it shared, and whether they return 0
// (POSIX's pthread_mutex_trylock, C11's mtx_trylock, libuv's) or nonzero
// (Windows' TryEnterCriticalSection, DPDK's rte_spinlock_trylock) when they
// took it.
struct TryLockFunction {
  bool exclusive = true;
  bool zero_on_success = false;
};
std::optional<TryLockFunction> PlatformTryLockNamed(llvm::StringRef name);

// What a free function given a C library's lock (IsLockNamedStruct) does to
// its lifetime, by the last word of its name: `uv_mutex_init`,
// `sqlite3_mutex_free`, `rte_spinlock_init` make or unmake it. Calls made
// before its owner is shared or after it no longer is.
bool IsLockLifetimeNamed(llvm::StringRef name);

// The operating systems' condition variables, semaphores and barriers,
// named by typedef: pthread_cond_t, C11's cnd_t, Windows'
// CONDITION_VARIABLE, sem_t, pthread_barrier_t (and typedefs of them:
// libuv's uv_cond_t).
bool IsPlatformSynchronizationType(clang::QualType type);

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_LOCK_NAMES_H_
