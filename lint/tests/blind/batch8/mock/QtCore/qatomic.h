// Stand-in for Qt's qatomic.h.
#ifndef QATOMIC_H
#define QATOMIC_H
#include <atomic>

template <typename T> class QAtomicInteger {
public:
  constexpr QAtomicInteger(T v = 0) noexcept : _q_value(v) {}
  T loadRelaxed() const noexcept { return _q_value.load(std::memory_order_relaxed); }
  T loadAcquire() const noexcept { return _q_value.load(std::memory_order_acquire); }
  void storeRelaxed(T v) noexcept { _q_value.store(v, std::memory_order_relaxed); }
  void storeRelease(T v) noexcept { _q_value.store(v, std::memory_order_release); }
  bool ref() noexcept { return ++_q_value != 0; }
  bool deref() noexcept { return --_q_value != 0; }
  bool testAndSetOrdered(T expected, T newValue) noexcept {
    return _q_value.compare_exchange_strong(expected, newValue);
  }
  T fetchAndAddOrdered(T v) noexcept { return _q_value.fetch_add(v); }

private:
  std::atomic<T> _q_value;
};

typedef QAtomicInteger<int> QAtomicInt;

template <typename T> class QAtomicPointer {
public:
  constexpr QAtomicPointer(T *v = nullptr) noexcept : _q_value(v) {}
  T *loadAcquire() const noexcept { return _q_value.load(std::memory_order_acquire); }
  T *loadRelaxed() const noexcept { return _q_value.load(std::memory_order_relaxed); }
  void storeRelease(T *v) noexcept { _q_value.store(v, std::memory_order_release); }
  bool testAndSetOrdered(T *expected, T *newValue) noexcept {
    return _q_value.compare_exchange_strong(expected, newValue);
  }

private:
  std::atomic<T *> _q_value;
};

#endif
