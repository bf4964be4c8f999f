// Minimal stand-in for Bitcoin Core's threadsafety.h + sync.h.
#pragma once

#include <mutex>
#include <type_traits>

#define LOCKABLE __attribute__((lockable))
#define SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#define ACQUIRED_AFTER(...) __attribute__((acquired_after(__VA_ARGS__)))
#define ACQUIRED_BEFORE(...) __attribute__((acquired_before(__VA_ARGS__)))
#define EXCLUSIVE_LOCK_FUNCTION(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define EXCLUSIVE_TRYLOCK_FUNCTION(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define UNLOCK_FUNCTION(...) __attribute__((release_capability(__VA_ARGS__)))
#define LOCKS_EXCLUDED(...) __attribute__((locks_excluded(__VA_ARGS__)))
#define EXCLUSIVE_LOCKS_REQUIRED(...) __attribute__((requires_capability(__VA_ARGS__)))
#define NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))

template <typename PARENT>
class LOCKABLE AnnotatedMixin : public PARENT {
 public:
  ~AnnotatedMixin() {}
  void lock() EXCLUSIVE_LOCK_FUNCTION() { PARENT::lock(); }
  void unlock() UNLOCK_FUNCTION() { PARENT::unlock(); }
  bool try_lock() EXCLUSIVE_TRYLOCK_FUNCTION(true) { return PARENT::try_lock(); }
  using UniqueLock = std::unique_lock<PARENT>;
  // For negative capabilities in the Clang Thread Safety Analysis.
  const AnnotatedMixin& operator!() const { return *this; }
};

/** Wrapped mutex: supports recursive locking, but no waiting. */
using RecursiveMutex = AnnotatedMixin<std::recursive_mutex>;

/** Wrapped mutex: supports waiting but not recursive locking. */
using Mutex = AnnotatedMixin<std::mutex>;

template <typename MutexType>
inline void AssertLockHeldCheck(const char*, const char*, int, MutexType* cs)
    EXCLUSIVE_LOCKS_REQUIRED(cs) {}

#define AssertLockHeld(cs) AssertLockHeldCheck(#cs, __FILE__, __LINE__, &cs)

/** Wrapper around std::unique_lock style lock for MutexType. */
template <typename MutexType>
class SCOPED_LOCKABLE UniqueLock : public MutexType::UniqueLock {
 private:
  using Base = typename MutexType::UniqueLock;

 public:
  UniqueLock(MutexType& mutexIn, const char*, const char*, int)
      EXCLUSIVE_LOCK_FUNCTION(mutexIn)
      : Base(mutexIn, std::defer_lock) {
    Base::lock();
  }

  ~UniqueLock() UNLOCK_FUNCTION() {}

  operator bool() { return Base::owns_lock(); }

 protected:
  friend class reverse_lock;

 public:
  // RAII-style reverse lock. Unlocks on construction and locks on destruction.
  class SCOPED_LOCKABLE reverse_lock {
   public:
    explicit reverse_lock(UniqueLock& _lock, MutexType& mutex, const char*,
                          const char*, int) UNLOCK_FUNCTION(mutex)
        : lock(_lock) {
      lock.unlock();
    }
    ~reverse_lock() UNLOCK_FUNCTION() { lock.lock(); }
    reverse_lock(const reverse_lock&) = delete;
    reverse_lock& operator=(const reverse_lock&) = delete;

   private:
    UniqueLock& lock;
  };
};

#define PASTE(x, y) x##y
#define PASTE2(x, y) PASTE(x, y)
#define UNIQUE_NAME(name) PASTE2(name, __COUNTER__)

#define REVERSE_LOCK(g, cs)                                                   \
  typename std::decay<decltype(g)>::type::reverse_lock UNIQUE_NAME(revlock)( \
      g, cs, #g, __FILE__, __LINE__)

template <typename MutexArg>
using DebugLock = UniqueLock<typename std::remove_reference<
    typename std::remove_pointer<MutexArg>::type>::type>;

#define LOCK(cs) \
  DebugLock<decltype(cs)> UNIQUE_NAME(criticalblock)(cs, #cs, __FILE__, __LINE__)
#define LOCK2(cs1, cs2)                                                        \
  DebugLock<decltype(cs1)> criticalblock1(cs1, #cs1, __FILE__, __LINE__);      \
  DebugLock<decltype(cs2)> criticalblock2(cs2, #cs2, __FILE__, __LINE__)
#define WAIT_LOCK(cs, name) \
  DebugLock<decltype(cs)> name(cs, #cs, __FILE__, __LINE__)
#define ENTER_CRITICAL_SECTION(cs) (cs).lock()
#define LEAVE_CRITICAL_SECTION(cs) (cs).unlock()

//! Run code while locking a mutex.
#define WITH_LOCK(cs, code) \
  ([&]() -> decltype(auto) { LOCK(cs); code; }())
