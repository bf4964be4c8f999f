// Minimal stand-in for the parts of JUCE's juce_core module used by the
// batch: critical sections and their scoped lockers, SpinLock, ReadWriteLock,
// juce::Thread and a few small utilities.
#pragma once

#include <pthread.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <shared_mutex>
#include <string>

namespace juce {

using String = std::string;

//==============================================================================
template <class LockType>
class GenericScopedLock {
 public:
  inline explicit GenericScopedLock(const LockType& lock) noexcept : lock_(lock) { lock.enter(); }
  inline ~GenericScopedLock() noexcept { lock_.exit(); }

 private:
  const LockType& lock_;
  GenericScopedLock(const GenericScopedLock&) = delete;
  GenericScopedLock& operator=(const GenericScopedLock&) = delete;
};

template <class LockType>
class GenericScopedUnlock {
 public:
  inline explicit GenericScopedUnlock(const LockType& lock) noexcept : lock_(lock) { lock.exit(); }
  inline ~GenericScopedUnlock() noexcept { lock_.enter(); }

 private:
  const LockType& lock_;
  GenericScopedUnlock(const GenericScopedUnlock&) = delete;
  GenericScopedUnlock& operator=(const GenericScopedUnlock&) = delete;
};

template <class LockType>
class GenericScopedTryLock {
 public:
  inline explicit GenericScopedTryLock(const LockType& lock) noexcept
      : lock_(lock), lockWasSuccessful_(lock.tryEnter()) {}
  inline ~GenericScopedTryLock() noexcept {
    if (lockWasSuccessful_) lock_.exit();
  }
  bool isLocked() const noexcept { return lockWasSuccessful_; }

 private:
  const LockType& lock_;
  const bool lockWasSuccessful_;
  GenericScopedTryLock(const GenericScopedTryLock&) = delete;
  GenericScopedTryLock& operator=(const GenericScopedTryLock&) = delete;
};

//==============================================================================
// A re-entrant mutex.
class CriticalSection {
 public:
  CriticalSection() noexcept {
    pthread_mutexattr_t atts;
    pthread_mutexattr_init(&atts);
    pthread_mutexattr_settype(&atts, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&lock_, &atts);
    pthread_mutexattr_destroy(&atts);
  }
  ~CriticalSection() noexcept { pthread_mutex_destroy(&lock_); }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

  void enter() const noexcept { pthread_mutex_lock(&lock_); }
  bool tryEnter() const noexcept { return pthread_mutex_trylock(&lock_) == 0; }
  void exit() const noexcept { pthread_mutex_unlock(&lock_); }

  using ScopedLockType = GenericScopedLock<CriticalSection>;
  using ScopedUnlockType = GenericScopedUnlock<CriticalSection>;
  using ScopedTryLockType = GenericScopedTryLock<CriticalSection>;

 private:
  mutable pthread_mutex_t lock_;
};

using ScopedLock = CriticalSection::ScopedLockType;
using ScopedUnlock = CriticalSection::ScopedUnlockType;
using ScopedTryLock = CriticalSection::ScopedTryLockType;

//==============================================================================
// A simple spin-lock, not re-entrant.
class SpinLock {
 public:
  SpinLock() = default;
  SpinLock(const SpinLock&) = delete;
  SpinLock& operator=(const SpinLock&) = delete;

  void enter() const noexcept {
    while (!tryEnter()) {
    }
  }
  bool tryEnter() const noexcept {
    int expected = 0;
    return lock_.compare_exchange_strong(expected, 1, std::memory_order_acquire);
  }
  void exit() const noexcept { lock_.store(0, std::memory_order_release); }

  using ScopedLockType = GenericScopedLock<SpinLock>;
  using ScopedUnlockType = GenericScopedUnlock<SpinLock>;
  using ScopedTryLockType = GenericScopedTryLock<SpinLock>;

 private:
  mutable std::atomic<int> lock_{0};
};

//==============================================================================
// Multiple readers, one writer.
class ReadWriteLock {
 public:
  ReadWriteLock() = default;
  ReadWriteLock(const ReadWriteLock&) = delete;
  ReadWriteLock& operator=(const ReadWriteLock&) = delete;

  void enterRead() const noexcept { mutex_.lock_shared(); }
  bool tryEnterRead() const noexcept { return mutex_.try_lock_shared(); }
  void exitRead() const noexcept { mutex_.unlock_shared(); }
  void enterWrite() const noexcept { mutex_.lock(); }
  bool tryEnterWrite() const noexcept { return mutex_.try_lock(); }
  void exitWrite() const noexcept { mutex_.unlock(); }

 private:
  mutable std::shared_mutex mutex_;
};

class ScopedReadLock {
 public:
  inline explicit ScopedReadLock(const ReadWriteLock& lock) noexcept : lock_(lock) { lock.enterRead(); }
  inline ~ScopedReadLock() noexcept { lock_.exitRead(); }

 private:
  const ReadWriteLock& lock_;
  ScopedReadLock(const ScopedReadLock&) = delete;
  ScopedReadLock& operator=(const ScopedReadLock&) = delete;
};

class ScopedWriteLock {
 public:
  inline explicit ScopedWriteLock(const ReadWriteLock& lock) noexcept : lock_(lock) { lock.enterWrite(); }
  inline ~ScopedWriteLock() noexcept { lock_.exitWrite(); }

 private:
  const ReadWriteLock& lock_;
  ScopedWriteLock(const ScopedWriteLock&) = delete;
  ScopedWriteLock& operator=(const ScopedWriteLock&) = delete;
};

//==============================================================================
// A thread whose run() method executes on its own OS thread after
// startThread(). Subclasses poll threadShouldExit().
class Thread {
 public:
  explicit Thread(const String& threadName, size_t threadStackSize = 0);
  virtual ~Thread();

  virtual void run() = 0;

  bool startThread();
  bool startThread(int priority);
  bool stopThread(int timeOutMilliseconds);
  void signalThreadShouldExit();
  bool threadShouldExit() const;
  bool waitForThreadToExit(int timeOutMilliseconds) const;
  bool isThreadRunning() const;

  bool wait(double timeOutMilliseconds) const;
  void notify() const;

  static void sleep(int milliseconds);

 private:
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;
};

struct Time {
  static uint32_t getMillisecondCounter() noexcept;
  static double getMillisecondCounterHiRes() noexcept;
};

class File {
 public:
  File() = default;
  explicit File(const String& absolutePath) : fullPath_(absolutePath) {}
  const String& getFullPathName() const noexcept { return fullPath_; }
  bool existsAsFile() const;
  int64_t getSize() const;

 private:
  String fullPath_;
};

class Logger {
 public:
  static void writeToLog(const String& message);
};

#define DBG(textToWrite) ::juce::Logger::writeToLog(textToWrite)
#define jassert(expression) ((void)0)
#define jassertfalse ((void)0)

}  // namespace juce
