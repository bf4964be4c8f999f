// Stand-in for Qt's qmutex.h (Qt 5 API surface, simplified).
#ifndef QMUTEX_H
#define QMUTEX_H

#include <atomic>
#include <thread>

class QBasicMutex {
public:
  constexpr QBasicMutex() : d_ptr(0) {}

  inline void lock() noexcept {
    if (!fastTryLock())
      lockInternal();
  }

  inline void unlock() noexcept { d_ptr.store(0, std::memory_order_release); }

  bool tryLock() noexcept { return fastTryLock(); }
  bool try_lock() noexcept { return fastTryLock(); }

private:
  inline bool fastTryLock() noexcept {
    int expected = 0;
    return d_ptr.compare_exchange_strong(expected, 1, std::memory_order_acquire);
  }
  void lockInternal() noexcept {
    while (!fastTryLock())
      std::this_thread::yield();
  }

  std::atomic<int> d_ptr;
};

class QMutex : public QBasicMutex {
public:
  enum RecursionMode { NonRecursive, Recursive };
  constexpr QMutex() = default;
  explicit QMutex(RecursionMode) {}
  ~QMutex() = default;

  bool tryLock(int timeout) noexcept {
    (void)timeout;
    return QBasicMutex::tryLock();
  }
  using QBasicMutex::tryLock;

private:
  QMutex(const QMutex &) = delete;
  QMutex &operator=(const QMutex &) = delete;
};

class QMutexLocker {
public:
  inline explicit QMutexLocker(QBasicMutex *m) : val(m), locked(false) {
    if (val) {
      val->lock();
      locked = true;
    }
  }
  inline ~QMutexLocker() { unlock(); }

  inline void unlock() noexcept {
    if (locked) {
      val->unlock();
      locked = false;
    }
  }

  inline void relock() noexcept {
    if (val && !locked) {
      val->lock();
      locked = true;
    }
  }

  inline QBasicMutex *mutex() const { return val; }

private:
  QMutexLocker(const QMutexLocker &) = delete;
  QBasicMutex *val;
  bool locked;
};

#endif // QMUTEX_H
