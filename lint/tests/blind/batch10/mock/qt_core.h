// Mock of the shape of Qt's threading API (QtCore). Written for the blind
// batch; unannotated, as Qt itself is.
#pragma once
#include <pthread.h>
#include <functional>
#include <string>
#include <utility>

class QMutex {
 public:
  QMutex() { pthread_mutex_init(&m_, nullptr); }
  ~QMutex() { pthread_mutex_destroy(&m_); }
  QMutex(const QMutex&) = delete;
  QMutex& operator=(const QMutex&) = delete;
  void lock() { pthread_mutex_lock(&m_); }
  void unlock() { pthread_mutex_unlock(&m_); }
  bool tryLock() { return pthread_mutex_trylock(&m_) == 0; }

 private:
  pthread_mutex_t m_;
};

class QMutexLocker {
 public:
  explicit QMutexLocker(QMutex* m) : m_(m), locked_(true) { m_->lock(); }
  ~QMutexLocker() {
    if (locked_) m_->unlock();
  }
  QMutexLocker(const QMutexLocker&) = delete;
  void unlock() {
    if (locked_) {
      locked_ = false;
      m_->unlock();
    }
  }
  void relock() {
    if (!locked_) {
      m_->lock();
      locked_ = true;
    }
  }
  QMutex* mutex() const { return m_; }

 private:
  QMutex* m_;
  bool locked_;
};

class QReadWriteLock {
 public:
  QReadWriteLock() { pthread_rwlock_init(&rw_, nullptr); }
  ~QReadWriteLock() { pthread_rwlock_destroy(&rw_); }
  void lockForRead() { pthread_rwlock_rdlock(&rw_); }
  void lockForWrite() { pthread_rwlock_wrlock(&rw_); }
  void unlock() { pthread_rwlock_unlock(&rw_); }

 private:
  pthread_rwlock_t rw_;
};

class QReadLocker {
 public:
  explicit QReadLocker(QReadWriteLock* l) : l_(l) { l_->lockForRead(); }
  ~QReadLocker() { l_->unlock(); }

 private:
  QReadWriteLock* l_;
};

class QWriteLocker {
 public:
  explicit QWriteLocker(QReadWriteLock* l) : l_(l) { l_->lockForWrite(); }
  ~QWriteLocker() { l_->unlock(); }

 private:
  QReadWriteLock* l_;
};

class QWaitCondition {
 public:
  QWaitCondition() { pthread_cond_init(&c_, nullptr); }
  ~QWaitCondition() { pthread_cond_destroy(&c_); }
  void wait(QMutex* m);
  void wakeOne() { pthread_cond_signal(&c_); }
  void wakeAll() { pthread_cond_broadcast(&c_); }

 private:
  pthread_cond_t c_;
};

// QThread: subclass and override run(); start() runs it on a new thread.
class QThread {
 public:
  virtual ~QThread() = default;
  void start();
  bool wait(unsigned long ms = ~0ul);
  void quit();
  bool isRunning() const;
  void requestInterruption();
  bool isInterruptionRequested() const;
  static void msleep(unsigned long ms);

 protected:
  virtual void run() = 0;
};

using QString = std::string;
using qint64 = long long;

template <typename T>
class QFuture {
 public:
  void waitForFinished();
  bool isFinished() const;
};

namespace QtConcurrent {
template <typename F>
QFuture<void> run(F&& f) {
  (void)f;
  return QFuture<void>();
}
}  // namespace QtConcurrent

struct QDebugStream {
  template <typename T>
  QDebugStream& operator<<(const T&) { return *this; }
};
inline QDebugStream qDebug() { return QDebugStream(); }
inline QDebugStream qWarning() { return QDebugStream(); }
