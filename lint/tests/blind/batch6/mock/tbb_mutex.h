// Stand-in for oneTBB's oneapi/tbb/spin_mutex.h, queuing_rw_mutex.h,
// task_group.h and task_arena.h. Unannotated, as oneTBB is: scoped_lock
// acquires in its constructor (or acquire()), releases in release() or its
// destructor.
#pragma once

#include <atomic>
#include <functional>
#include <shared_mutex>
#include <thread>
#include <utility>
#include <vector>

namespace tbb {
inline namespace detail {

class spin_mutex {
 public:
  spin_mutex() noexcept : m_flag(false) {}
  spin_mutex(const spin_mutex&) = delete;
  spin_mutex& operator=(const spin_mutex&) = delete;

  void lock() {
    while (m_flag.exchange(true, std::memory_order_acquire)) std::this_thread::yield();
  }
  bool try_lock() { return !m_flag.exchange(true, std::memory_order_acquire); }
  void unlock() { m_flag.store(false, std::memory_order_release); }

  class scoped_lock {
   public:
    constexpr scoped_lock() noexcept : m_mutex(nullptr) {}
    explicit scoped_lock(spin_mutex& m) : m_mutex(nullptr) { acquire(m); }
    ~scoped_lock() {
      if (m_mutex) release();
    }
    scoped_lock(const scoped_lock&) = delete;
    scoped_lock& operator=(const scoped_lock&) = delete;

    void acquire(spin_mutex& m) {
      m_mutex = &m;
      m.lock();
    }
    bool try_acquire(spin_mutex& m) {
      bool result = m.try_lock();
      if (result) m_mutex = &m;
      return result;
    }
    void release() {
      m_mutex->unlock();
      m_mutex = nullptr;
    }

   private:
    spin_mutex* m_mutex;
  };

 private:
  std::atomic<bool> m_flag;
};

class queuing_rw_mutex {
 public:
  void lock() { m_rw.lock(); }
  void unlock() { m_rw.unlock(); }
  void lock_shared() { m_rw.lock_shared(); }
  void unlock_shared() { m_rw.unlock_shared(); }

  class scoped_lock {
   public:
    scoped_lock() = default;
    scoped_lock(queuing_rw_mutex& m, bool write = true) { acquire(m, write); }
    ~scoped_lock() {
      if (m_mutex) release();
    }
    scoped_lock(const scoped_lock&) = delete;
    scoped_lock& operator=(const scoped_lock&) = delete;

    void acquire(queuing_rw_mutex& m, bool write = true) {
      m_mutex = &m;
      m_is_writer = write;
      if (write)
        m.lock();
      else
        m.lock_shared();
    }
    void release() {
      if (m_is_writer)
        m_mutex->unlock();
      else
        m_mutex->unlock_shared();
      m_mutex = nullptr;
    }
    // Returns false if the lock was released and reacquired on the way.
    bool upgrade_to_writer() {
      if (m_is_writer) return true;
      m_mutex->unlock_shared();
      m_mutex->lock();
      m_is_writer = true;
      return false;
    }

   private:
    queuing_rw_mutex* m_mutex = nullptr;
    bool m_is_writer = false;
  };

 private:
  std::shared_mutex m_rw;
};

enum task_group_status { not_complete, complete, canceled };

class task_group {
 public:
  template <typename F>
  void run(F&& f) {
    m_threads.emplace_back(std::forward<F>(f));
  }
  task_group_status wait() {
    for (auto& t : m_threads) t.join();
    m_threads.clear();
    return complete;
  }
  ~task_group() { wait(); }

 private:
  std::vector<std::thread> m_threads;
};

class task_arena {
 public:
  explicit task_arena(int max_concurrency = -1) : m_max(max_concurrency) {}
  void enqueue(std::function<void()> f);
  template <typename F>
  auto execute(F&& f) -> decltype(f()) {
    return f();
  }
  int max_concurrency() const { return m_max; }

 private:
  int m_max;
};

namespace this_task_arena {
int current_thread_index();
int max_concurrency();
}  // namespace this_task_arena

template <typename Index, typename Func>
void parallel_for(Index first, Index last, const Func& f) {
  for (Index i = first; i < last; ++i) f(i);
}

}  // namespace detail
}  // namespace tbb
