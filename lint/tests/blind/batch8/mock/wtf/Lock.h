// Stand-in for WebKit's wtf/Lock.h: the WTF_CAPABILITY_LOCK-annotated Lock,
// its Locker specialization and DropLockForScope.
#pragma once

#include <atomic>
#include <thread>
#include <wtf/Locker.h>
#include <wtf/ThreadSafetyAnalysis.h>

namespace WTF {

class WTF_CAPABILITY_LOCK Lock {
public:
  constexpr Lock() = default;
  Lock(const Lock &) = delete;
  Lock &operator=(const Lock &) = delete;

  void lock() WTF_ACQUIRES_LOCK() {
    uint8_t expected = 0;
    while (!m_byte.compare_exchange_weak(expected, isHeldBit, std::memory_order_acquire)) {
      expected = 0;
      std::this_thread::yield();
    }
  }

  bool tryLock() WTF_ACQUIRES_LOCK_IF(true) {
    uint8_t expected = 0;
    return m_byte.compare_exchange_strong(expected, isHeldBit, std::memory_order_acquire);
  }

  void unlock() WTF_RELEASES_LOCK() { m_byte.store(0, std::memory_order_release); }

  bool isHeld() const { return m_byte.load(std::memory_order_acquire) & isHeldBit; }
  bool isLocked() const { return isHeld(); }

  void assertIsOwner() const WTF_ASSERTS_ACQUIRED_LOCK() {}

private:
  static constexpr uint8_t isHeldBit = 1;
  std::atomic<uint8_t> m_byte{0};
};

template <> class WTF_CAPABILITY_SCOPED_LOCK Locker<Lock> : public AbstractLocker {
public:
  explicit Locker(Lock &lock) WTF_ACQUIRES_LOCK(lock) : m_lock(&lock), m_isLocked(true) {
    m_lock->lock();
  }
  Locker(AdoptLockTag, Lock &lock) WTF_REQUIRES_LOCK(lock) : m_lock(&lock), m_isLocked(true) {}
  ~Locker() WTF_RELEASES_LOCK() {
    if (m_isLocked)
      m_lock->unlock();
  }

  void unlockEarly() WTF_RELEASES_LOCK() {
    m_isLocked = false;
    m_lock->unlock();
  }

  Lock *lockable() { return m_lock; }

private:
  template <typename> friend class DropLockForScope;
  // Only DropLockForScope may release and retake the lock mid-scope.
  void unlock() WTF_RELEASES_LOCK() { m_lock->unlock(); }
  void lock() WTF_ACQUIRES_LOCK() { m_lock->lock(); }

  Lock *m_lock;
  bool m_isLocked;
};

Locker(Lock &) -> Locker<Lock>;

// Releases the lock held by a Locker for the scope of this object and
// reacquires it on destruction.
template <typename LockType> class DropLockForScope : private AbstractLocker {
public:
  explicit DropLockForScope(Locker<LockType> &lock) : m_lock(lock) {
    m_lock.unlock();
  }
  ~DropLockForScope() { m_lock.lock(); }

private:
  Locker<LockType> &m_lock;
};

template <typename LockType> DropLockForScope(Locker<LockType> &) -> DropLockForScope<LockType>;

} // namespace WTF

using WTF::DropLockForScope;
using WTF::Lock;
