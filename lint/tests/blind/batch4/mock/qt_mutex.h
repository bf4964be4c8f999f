// Minimal stand-in for QtCore's QMutex / QMutexLocker / QReadWriteLock /
// QWaitCondition. Like Qt itself, no thread-safety annotations.
#ifndef BATCH4_MOCK_QT_MUTEX_H_
#define BATCH4_MOCK_QT_MUTEX_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <string>

typedef std::string QString;
typedef long long qint64;

class QWaitCondition;

class QMutex {
 public:
  QMutex() = default;
  QMutex(const QMutex&) = delete;
  QMutex& operator=(const QMutex&) = delete;

  void lock() { m_impl.lock(); }
  void unlock() { m_impl.unlock(); }
  bool tryLock() { return m_impl.try_lock(); }

 private:
  friend class QWaitCondition;
  std::mutex m_impl;
};

class QMutexLocker {
 public:
  explicit QMutexLocker(QMutex* m) : m_mutex(m) {
    m_mutex->lock();
    m_locked = true;
  }
  ~QMutexLocker() {
    if (m_locked) m_mutex->unlock();
  }

  void unlock() {
    if (m_locked) {
      m_locked = false;
      m_mutex->unlock();
    }
  }
  void relock() {
    if (!m_locked) {
      m_mutex->lock();
      m_locked = true;
    }
  }
  QMutex* mutex() const { return m_mutex; }

  QMutexLocker(const QMutexLocker&) = delete;
  QMutexLocker& operator=(const QMutexLocker&) = delete;

 private:
  QMutex* m_mutex;
  bool m_locked = false;
};

class QReadWriteLock {
 public:
  QReadWriteLock() = default;
  QReadWriteLock(const QReadWriteLock&) = delete;
  QReadWriteLock& operator=(const QReadWriteLock&) = delete;

  void lockForRead() { m_impl.lock_shared(); }
  void lockForWrite() {
    m_impl.lock();
    m_writer = true;
  }
  bool tryLockForRead() { return m_impl.try_lock_shared(); }
  void unlock() {
    if (m_writer) {
      m_writer = false;
      m_impl.unlock();
    } else {
      m_impl.unlock_shared();
    }
  }

 private:
  std::shared_mutex m_impl;
  bool m_writer = false;
};

class QReadLocker {
 public:
  explicit QReadLocker(QReadWriteLock* l) : m_lock(l) { m_lock->lockForRead(); }
  ~QReadLocker() { m_lock->unlock(); }
  QReadLocker(const QReadLocker&) = delete;
  QReadLocker& operator=(const QReadLocker&) = delete;

 private:
  QReadWriteLock* m_lock;
};

class QWriteLocker {
 public:
  explicit QWriteLocker(QReadWriteLock* l) : m_lock(l) {
    m_lock->lockForWrite();
  }
  ~QWriteLocker() { m_lock->unlock(); }
  QWriteLocker(const QWriteLocker&) = delete;
  QWriteLocker& operator=(const QWriteLocker&) = delete;

 private:
  QReadWriteLock* m_lock;
};

class QWaitCondition {
 public:
  void wait(QMutex* m) {
    std::unique_lock<std::mutex> l(m->m_impl, std::adopt_lock);
    m_impl.wait(l);
    l.release();
  }
  bool wait(QMutex* m, unsigned long msecs) {
    std::unique_lock<std::mutex> l(m->m_impl, std::adopt_lock);
    bool woken = m_impl.wait_for(l, std::chrono::milliseconds(msecs)) ==
                 std::cv_status::no_timeout;
    l.release();
    return woken;
  }
  void wakeOne() { m_impl.notify_one(); }
  void wakeAll() { m_impl.notify_all(); }

 private:
  std::condition_variable m_impl;
};

#endif  // BATCH4_MOCK_QT_MUTEX_H_
