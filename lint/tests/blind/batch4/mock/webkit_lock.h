// Minimal stand-in for WTF/Lock.h, WTF/Locker.h and WTF/Condition.h in the
// style of WebKit before it adopted capability annotations.
#ifndef BATCH4_MOCK_WEBKIT_LOCK_H_
#define BATCH4_MOCK_WEBKIT_LOCK_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>

#define WTFMove(value) std::move(value)

namespace WTF {

class Lock {
 public:
  Lock() = default;
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;

  void lock() { m_impl.lock(); }
  void unlock() { m_impl.unlock(); }
  bool tryLock() { return m_impl.try_lock(); }
  bool try_lock() { return tryLock(); }

 private:
  std::mutex m_impl;
};

template <typename T>
class DropLockForScope;

template <typename T>
class Locker {
 public:
  explicit Locker(T& lockable) : m_lockable(&lockable) { lock(); }
  explicit Locker(T* lockable) : m_lockable(lockable) { lock(); }
  Locker(Locker&& other) : m_lockable(std::exchange(other.m_lockable, nullptr)) {}
  ~Locker() {
    if (m_lockable) m_lockable->unlock();
  }

  void unlockEarly() {
    m_lockable->unlock();
    m_lockable = nullptr;
  }

  Locker(const Locker&) = delete;
  Locker& operator=(const Locker&) = delete;

 private:
  friend class DropLockForScope<T>;
  void lock() {
    if (m_lockable) m_lockable->lock();
  }
  T* m_lockable;
};

using LockHolder = Locker<Lock>;

template <typename T>
Locker<T> holdLock(T& lock) {
  return Locker<T>(lock);
}

// Temporarily drops a held Locker for the enclosing scope.
template <typename T>
class DropLockForScope {
 public:
  explicit DropLockForScope(Locker<T>& locker) : m_locker(locker) {
    m_locker.m_lockable->unlock();
  }
  ~DropLockForScope() { m_locker.m_lockable->lock(); }

  DropLockForScope(const DropLockForScope&) = delete;
  DropLockForScope& operator=(const DropLockForScope&) = delete;

 private:
  Locker<T>& m_locker;
};

class Condition {
 public:
  template <typename LockType>
  void wait(LockType& lock) {
    m_impl.wait(lock);
  }
  template <typename LockType, typename Functor>
  void wait(LockType& lock, const Functor& predicate) {
    m_impl.wait(lock, predicate);
  }
  template <typename LockType>
  bool waitFor(LockType& lock, std::chrono::milliseconds relative) {
    return m_impl.wait_for(lock, relative) == std::cv_status::no_timeout;
  }
  void notifyOne() { m_impl.notify_one(); }
  void notifyAll() { m_impl.notify_all(); }

 private:
  std::condition_variable_any m_impl;
};

}  // namespace WTF

using WTF::Condition;
using WTF::DropLockForScope;
using WTF::holdLock;
using WTF::Lock;
using WTF::Locker;
using WTF::LockHolder;

#endif  // BATCH4_MOCK_WEBKIT_LOCK_H_
