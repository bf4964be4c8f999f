// Bitcoin Core style synchronization primitives (stand-in for src/sync.h).
#ifndef BITCOIN_SYNC_H
#define BITCOIN_SYNC_H

#include <condition_variable>
#include <mutex>
#include <type_traits>

#include "threadsafety.h"

// Template mixin that adds -Wthread-safety locking annotations to a std mutex.
template <typename PARENT>
class LOCKABLE AnnotatedMixin : public PARENT {
 public:
  ~AnnotatedMixin() {}

  void lock() EXCLUSIVE_LOCK_FUNCTION() { PARENT::lock(); }

  void unlock() UNLOCK_FUNCTION() { PARENT::unlock(); }

  bool try_lock() EXCLUSIVE_TRYLOCK_FUNCTION(true) { return PARENT::try_lock(); }

  using UniqueLock = std::unique_lock<PARENT>;
};

// Wrapped mutex: supports recursive locking, but no waiting.
using RecursiveMutex = AnnotatedMixin<std::recursive_mutex>;

// Wrapped mutex: supports waiting but not recursive locking.
using Mutex = AnnotatedMixin<std::mutex>;

// Mutex that is only ever used at namespace scope.
using GlobalMutex = Mutex;

// Debug-build lock-order checks (no-ops in this stand-in).
template <typename MutexType>
void AssertLockHeldInternal(const char* pszName, const char* pszFile, int nLine, MutexType* cs)
    EXCLUSIVE_LOCKS_REQUIRED(cs) {
  (void)pszName;
  (void)pszFile;
  (void)nLine;
  (void)cs;
}
template <typename MutexType>
void AssertLockNotHeldInternal(const char* pszName, const char* pszFile, int nLine,
                               MutexType* cs) LOCKS_EXCLUDED(cs) {
  (void)pszName;
  (void)pszFile;
  (void)nLine;
  (void)cs;
}
#define AssertLockHeld(cs) AssertLockHeldInternal(#cs, __FILE__, __LINE__, &cs)
#define AssertLockNotHeld(cs) AssertLockNotHeldInternal(#cs, __FILE__, __LINE__, &cs)

// Wrapper around std::unique_lock style lock for MutexType.
template <typename MutexType>
class SCOPED_LOCKABLE UniqueLock : public MutexType::UniqueLock {
 private:
  using Base = typename MutexType::UniqueLock;

 public:
  UniqueLock(MutexType& mutexIn, const char* pszName, const char* pszFile, int nLine,
             bool fTry = false) EXCLUSIVE_LOCK_FUNCTION(mutexIn)
      : Base(mutexIn, std::defer_lock) {
    (void)pszName;
    (void)pszFile;
    (void)nLine;
    (void)fTry;
    Base::lock();
  }

  ~UniqueLock() UNLOCK_FUNCTION() {}
};

template <typename MutexArg>
using DebugLock = UniqueLock<typename std::remove_reference<
    typename std::remove_pointer<MutexArg>::type>::type>;

inline Mutex& MaybeCheckNotHeld(Mutex& cs) LOCK_RETURNED(cs) { return cs; }
inline RecursiveMutex& MaybeCheckNotHeld(RecursiveMutex& cs) LOCK_RETURNED(cs) { return cs; }

#define PASTE(x, y) x##y
#define PASTE2(x, y) PASTE(x, y)
#define UNIQUE_NAME(name) PASTE2(name, __COUNTER__)

#define LOCK(cs) \
  DebugLock<decltype(cs)> UNIQUE_NAME(criticalblock)(MaybeCheckNotHeld(cs), #cs, __FILE__, __LINE__)
#define LOCK2(cs1, cs2)                                                                   \
  DebugLock<decltype(cs1)> criticalblock1(MaybeCheckNotHeld(cs1), #cs1, __FILE__, __LINE__); \
  DebugLock<decltype(cs2)> criticalblock2(MaybeCheckNotHeld(cs2), #cs2, __FILE__, __LINE__)
#define WAIT_LOCK(cs, name) DebugLock<decltype(cs)> name(MaybeCheckNotHeld(cs), #cs, __FILE__, __LINE__)

// Manual critical sections for code that cannot use a scoped LOCK.
inline void EnterCritical(const char* pszName, const char* pszFile, int nLine, void* cs) {
  (void)pszName;
  (void)pszFile;
  (void)nLine;
  (void)cs;
}
inline void LeaveCritical() {}
#define ENTER_CRITICAL_SECTION(cs)                            \
  {                                                           \
    EnterCritical(#cs, __FILE__, __LINE__, (void*)(&(cs)));   \
    (cs).lock();                                              \
  }
#define LEAVE_CRITICAL_SECTION(cs) \
  {                                \
    (cs).unlock();                 \
    LeaveCritical();               \
  }

// Run code while holding cs, returning what the code returns.
#define WITH_LOCK(cs, code) (MaybeCheckNotHeld(cs), [&]() -> decltype(auto) { LOCK(cs); code; }())

using CConditionVariable = std::condition_variable;

#endif  // BITCOIN_SYNC_H
