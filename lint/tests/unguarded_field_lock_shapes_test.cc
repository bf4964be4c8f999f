// concurrency-unguarded-field: locks and guards known by what their code
// does, in shapes batch 7 found: guards that lock through a base or member
// initializer, lock members whose names say nothing, a C struct holding a
// lock, std::lock over deferred guards, an inherited mutex, and a guard
// cleared before a new one.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

// Lock members named acquire()/release() (no name the lint knows) that lock
// by their bodies; a guard deriving from another guard (its constructor
// locks through the base's); an unlock guard that releases in a member
// initializer (`m_count(cs.exit())`).
constexpr char kLockShapes[] = R"code(
#include <pthread.h>
class Mutex {
 public:
  Mutex() { pthread_mutex_init(&mu_, nullptr); }
  bool acquire() { return pthread_mutex_lock(&mu_) == 0; }
  bool release() { return pthread_mutex_unlock(&mu_) == 0; }
  unsigned exit() { release(); return 1; }
  void restore(unsigned n) { if (n > 0) acquire(); }
 private:
  pthread_mutex_t mu_;
};
class Locker {
 public:
  explicit Locker(Mutex* m) : m_(m) { if (m_ != nullptr) m_->acquire(); }
  ~Locker() { if (m_ != nullptr) m_->release(); }
 protected:
  Mutex* m_;
};
class MonitorLocker : public Locker {
 public:
  explicit MonitorLocker(Mutex* m) : Locker(m) {}
};
class SingleExit {
 public:
  explicit SingleExit(Mutex& m) : m_(m), count_(m.exit()) {}
  ~SingleExit() { m_.restore(count_); }
 private:
  Mutex& m_;
  unsigned count_;
};
)code";

TEST(UnguardedFieldLockShapes, GuardsAndLockMembersKnownByTheirBodies) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kLockShapes) + R"code(
class Queue {
 public:
  void Add() { MonitorLocker l(&lock_); ++size_; }
  int Size() { MonitorLocker l(&lock_); return size_; }
  void Purge() {
    MonitorLocker l(&lock_);
    size_ = 0;
    SingleExit unlocked(lock_);
    ++purged_;  // WARN
  }
  int Purged() { MonitorLocker l(&lock_); return purged_; }
  void ResetPurged() { MonitorLocker l(&lock_); purged_ = 0; }
  int Peek() { return size_; }  // WARN
 private:
  Mutex lock_;
  int size_ = 0;
  int purged_ = 0;
};
)code",
                             kCheck);
}

// A C struct that holds a pthread mutex is locked by the free function
// given it; the static is then initialized under the lock.
TEST(UnguardedFieldLockShapes, StructHoldingALockLockedByAFreeFunction) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <pthread.h>
typedef struct { pthread_mutex_t mtx; } simple_mtx_t;
static inline void simple_mtx_lock(simple_mtx_t* m) { pthread_mutex_lock(&m->mtx); }
static inline void simple_mtx_unlock(simple_mtx_t* m) { pthread_mutex_unlock(&m->mtx); }
struct Table { int count; };
Table* BuildTable();
static simple_mtx_t table_lock = {PTHREAD_MUTEX_INITIALIZER};
static Table* table;
int Count() {
  simple_mtx_lock(&table_lock);
  if (!table) table = BuildTable();
  int n = table->count;
  simple_mtx_unlock(&table_lock);
  return n;
}
)code",
                             "concurrency-lazy-init-race");
}

// std::lock over two deferred guards holds both objects' locks; a mutex
// inherited from a base guards the derived class's fields.
TEST(UnguardedFieldLockShapes, StdLockOverDeferredGuardsAndInheritedMutex) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Counter {
 public:
  void MergeFrom(Counter& other) {
    if (this == &other) return;
    std::unique_lock<std::mutex> mine(mu_, std::defer_lock);
    std::unique_lock<std::mutex> theirs(other.mu_, std::defer_lock);
    std::lock(mine, theirs);
    used_ += other.used_;
    other.used_ = 0;
  }
  void Add(int n) { std::lock_guard<std::mutex> l(mu_); used_ += n; }
  int Used() { std::lock_guard<std::mutex> l(mu_); return used_; }
 private:
  std::mutex mu_;
  int used_ = 0;
};
class BaseMutex {
 protected:
  std::mutex m_aMutex;
};
class Component : public BaseMutex {
 public:
  void SetTitle(std::string t) {
    std::lock_guard<std::mutex> g(m_aMutex);
    title_ = std::move(t);
  }
  std::string Title() {
    std::lock_guard<std::mutex> g(m_aMutex);
    return title_;
  }
  std::string TitleFast() { return title_; }  // WARN
 private:
  std::string title_;
};
)code",
                             kCheck);
}

// A guard released early ends its critical section; a new guard later
// starts another. Reads between them are no deliberate window.
TEST(UnguardedFieldLockShapes, ReadAfterAGuardIsClearedIsJudged) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Listeners {
 public:
  void Add(int* l) { std::unique_lock<std::mutex> g(mu_); items_.push_back(l); }
  void Dispose() {
    std::unique_lock<std::mutex> g(mu_);
    disposed_ = true;
    g.unlock();
    for (int* l : items_) *l = 0;  // WARN
    std::unique_lock<std::mutex> again(mu_);
    items_.clear();
  }
 private:
  std::mutex mu_;
  std::vector<int*> items_;
  bool disposed_ = false;
};
)code",
                             kCheck);
}

// A try-lock's result kept in a local and tested after
// (`status_t res = mLock.tryLock(); if (res != 0) return;`), as clang's
// analysis follows it: the lock is held past the test.
TEST(UnguardedFieldLockShapes, TryLockResultTestedThroughALocal) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include "absl/base/thread_annotations.h"
class ABSL_LOCKABLE Mutex {
 public:
  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION();
  void unlock() ABSL_UNLOCK_FUNCTION();
  int tryLock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(0);
};
class Module {
 public:
  int SetClient(int client) {
    int res = lock_.tryLock();
    if (res != 0) return -1;
    client_ = client;
    lock_.unlock();
    return 0;
  }
  int Client() {
    lock_.lock();
    int c = client_;
    lock_.unlock();
    return c;
  }
  int Peek() { return client_; }  // WARN
 private:
  Mutex lock_;
  int client_ ABSL_GUARDED_BY(lock_) = 0;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
