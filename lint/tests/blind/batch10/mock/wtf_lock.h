// Mock of the shape of WebKit's WTF::Lock / Locker / holdLock (the older,
// unannotated WTF API).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace WTF {

class Lock {
 public:
  Lock() = default;
  Lock(const Lock&) = delete;
  void lock() {
    uint8_t expected = 0;
    while (!m_byte.compare_exchange_weak(expected, 1, std::memory_order_acquire))
      expected = 0;
  }
  void unlock() { m_byte.store(0, std::memory_order_release); }
  bool tryLock() {
    uint8_t expected = 0;
    return m_byte.compare_exchange_strong(expected, 1, std::memory_order_acquire);
  }
  bool isHeld() const { return m_byte.load(std::memory_order_acquire); }

 private:
  std::atomic<uint8_t> m_byte{0};
};

template <typename T>
class Locker {
 public:
  explicit Locker(T& lockable) : m_lockable(&lockable) { m_lockable->lock(); }
  Locker(Locker&& other) : m_lockable(std::exchange(other.m_lockable, nullptr)) {}
  ~Locker() {
    if (m_lockable) m_lockable->unlock();
  }
  void unlockEarly() {
    if (m_lockable) m_lockable->unlock();
    m_lockable = nullptr;
  }

 private:
  T* m_lockable;
};

template <typename T>
Locker<T> holdLock(T& lockable) {
  return Locker<T>(lockable);
}

template <typename T>
using Vector = std::vector<T>;
using String = std::string;

class Condition {
 public:
  template <typename Pred>
  void wait(Lock& lock, const Pred& pred) {
    while (!pred()) {
      lock.unlock();
      lock.lock();
    }
  }
  void notifyOne();
  void notifyAll();
};

class WorkQueue {
 public:
  virtual ~WorkQueue() = default;
  void dispatch(std::function<void()>&& task);
};

}  // namespace WTF

using WTF::holdLock;
using WTF::Lock;
using WTF::Locker;

#define LOG_CHANNEL(channel, ...) ((void)0)
#define ASSERT(cond) ((void)(cond))
#define RELEASE_LOG_ERROR(channel, fmt, ...) ((void)0)
