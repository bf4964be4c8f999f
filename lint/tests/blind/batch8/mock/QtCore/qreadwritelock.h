// Stand-in for Qt's qreadwritelock.h.
#ifndef QREADWRITELOCK_H
#define QREADWRITELOCK_H

#include <atomic>
#include <shared_mutex>

class QReadWriteLock {
public:
  enum RecursionMode { NonRecursive, Recursive };
  explicit QReadWriteLock(RecursionMode = NonRecursive) {}
  ~QReadWriteLock() = default;

  void lockForRead() { d.lock_shared(); }
  bool tryLockForRead() { return d.try_lock_shared(); }
  void lockForWrite() { d.lock(); writeLocked.store(true); }
  bool tryLockForWrite() { return d.try_lock(); }
  void unlock() {
    if (writeLocked.exchange(false)) d.unlock();
    else d.unlock_shared();
  }

private:
  QReadWriteLock(const QReadWriteLock &) = delete;
  std::shared_mutex d;
  std::atomic<bool> writeLocked{false};
};

class QReadLocker {
public:
  inline explicit QReadLocker(QReadWriteLock *readWriteLock) : q_lock(readWriteLock) { relock(); }
  inline ~QReadLocker() { unlock(); }

  inline void unlock() {
    if (q_lock && locked) { q_lock->unlock(); locked = false; }
  }
  inline void relock() {
    if (q_lock && !locked) { q_lock->lockForRead(); locked = true; }
  }
  inline QReadWriteLock *readWriteLock() const { return q_lock; }

private:
  QReadWriteLock *q_lock;
  bool locked = false;
};

class QWriteLocker {
public:
  inline explicit QWriteLocker(QReadWriteLock *readWriteLock) : q_lock(readWriteLock) { relock(); }
  inline ~QWriteLocker() { unlock(); }

  inline void unlock() {
    if (q_lock && locked) { q_lock->unlock(); locked = false; }
  }
  inline void relock() {
    if (q_lock && !locked) { q_lock->lockForWrite(); locked = true; }
  }
  inline QReadWriteLock *readWriteLock() const { return q_lock; }

private:
  QReadWriteLock *q_lock;
  bool locked = false;
};

#endif // QREADWRITELOCK_H
