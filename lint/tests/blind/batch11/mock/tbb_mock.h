// Minimal stand-ins for the parts of oneTBB used here: spin_mutex,
// queuing_rw_mutex, concurrent_hash_map and task_group.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tbb {

class spin_mutex {
 public:
  spin_mutex() = default;
  spin_mutex(const spin_mutex&) = delete;
  spin_mutex& operator=(const spin_mutex&) = delete;

  void lock() {
    while (flag_.exchange(true, std::memory_order_acquire)) {
      std::this_thread::yield();
    }
  }
  bool try_lock() { return !flag_.exchange(true, std::memory_order_acquire); }
  void unlock() { flag_.store(false, std::memory_order_release); }

  class scoped_lock {
   public:
    scoped_lock() : mutex_(nullptr) {}
    explicit scoped_lock(spin_mutex& m) : mutex_(&m) { m.lock(); }
    ~scoped_lock() {
      if (mutex_ != nullptr) mutex_->unlock();
    }
    void acquire(spin_mutex& m) {
      m.lock();
      mutex_ = &m;
    }
    bool try_acquire(spin_mutex& m) {
      if (!m.try_lock()) return false;
      mutex_ = &m;
      return true;
    }
    void release() {
      mutex_->unlock();
      mutex_ = nullptr;
    }

   private:
    spin_mutex* mutex_;
  };

 private:
  std::atomic<bool> flag_{false};
};

class queuing_rw_mutex {
 public:
  void lock() { rw_.lock(); }
  void unlock() { rw_.unlock(); }
  void lock_shared() { rw_.lock_shared(); }
  void unlock_shared() { rw_.unlock_shared(); }

  class scoped_lock {
   public:
    scoped_lock() : mutex_(nullptr), is_writer_(false) {}
    scoped_lock(queuing_rw_mutex& m, bool write = true) : mutex_(nullptr), is_writer_(false) {
      acquire(m, write);
    }
    ~scoped_lock() {
      if (mutex_ != nullptr) release();
    }
    void acquire(queuing_rw_mutex& m, bool write = true) {
      if (write) {
        m.lock();
      } else {
        m.lock_shared();
      }
      mutex_ = &m;
      is_writer_ = write;
    }
    // Returns false when the lock had to be released while upgrading.
    bool upgrade_to_writer() {
      if (is_writer_) return true;
      mutex_->unlock_shared();
      mutex_->lock();
      is_writer_ = true;
      return false;
    }
    void release() {
      if (is_writer_) {
        mutex_->unlock();
      } else {
        mutex_->unlock_shared();
      }
      mutex_ = nullptr;
    }

   private:
    queuing_rw_mutex* mutex_;
    bool is_writer_;
  };

 private:
  std::shared_mutex rw_;
};

// Element access through accessors; the table synchronizes itself.
template <typename Key, typename T>
class concurrent_hash_map {
 public:
  using value_type = std::pair<const Key, T>;

  class const_accessor {
   public:
    const_accessor() : item_(nullptr) {}
    const value_type& operator*() const { return *item_; }
    const value_type* operator->() const { return item_; }
    bool empty() const { return item_ == nullptr; }

   private:
    friend class concurrent_hash_map;
    const value_type* item_;
  };

  class accessor {
   public:
    accessor() : item_(nullptr) {}
    value_type& operator*() const { return *item_; }
    value_type* operator->() const { return item_; }
    bool empty() const { return item_ == nullptr; }

   private:
    friend class concurrent_hash_map;
    value_type* item_;
  };

  bool insert(accessor& result, const Key& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = table_.find(key);
    bool inserted = false;
    if (it == table_.end()) {
      it = table_.emplace(key, T()).first;
      inserted = true;
    }
    result.item_ = &*it;
    return inserted;
  }
  bool find(const_accessor& result, const Key& key) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = table_.find(key);
    if (it == table_.end()) return false;
    result.item_ = &*it;
    return true;
  }
  bool erase(const Key& key) {
    std::lock_guard<std::mutex> lock(mu_);
    return table_.erase(key) > 0;
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return table_.size();
  }

 private:
  mutable std::mutex mu_;
  std::unordered_map<Key, T> table_;
};

// Runs each task on its own thread; wait() joins them all.
class task_group {
 public:
  task_group() = default;
  task_group(const task_group&) = delete;
  ~task_group() { wait(); }

  template <typename F>
  void run(F&& f) {
    std::lock_guard<std::mutex> lock(mu_);
    workers_.emplace_back(std::forward<F>(f));
  }
  void wait() {
    std::vector<std::thread> done;
    {
      std::lock_guard<std::mutex> lock(mu_);
      done.swap(workers_);
    }
    for (std::thread& t : done) t.join();
  }

 private:
  std::mutex mu_;
  std::vector<std::thread> workers_;
};

}  // namespace tbb
