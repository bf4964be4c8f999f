// Locks handed to and through helpers: a helper that runs a callable with
// a lock it is given, one that gives back the caller's guard, C libraries'
// lock APIs known only by their declarations, a lock whose Lock() returns
// its guard, and reads after the threads that wrote are joined.
#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

TEST(UnguardedFieldLockHelpers, ALambdaRunByAHelperHoldingTheLockIsLocked) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <deque>
template <typename Fn>
auto WithLock(std::mutex& mu, Fn&& fn) -> decltype(fn()) {
  std::lock_guard<std::mutex> lock(mu);
  return fn();
}
class Queue {
 public:
  void Push(int v) {
    std::lock_guard<std::mutex> lock(mu_);
    items_.push_back(v);
  }
  size_t Size() {
    return WithLock(mu_, [&] { return items_.size(); });
  }
  void Clear() {
    WithLock(mu_, [&] { items_.clear(); });
  }
  size_t Peek() { return items_.size(); }  // WARN
 private:
  std::mutex mu_;
  std::deque<int> items_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, AHelperCallingAfterItUnlocksGivesNoLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <deque>
template <typename Fn>
void AfterUnlock(std::mutex& mu, Fn&& fn) {
  mu.lock();
  mu.unlock();
  fn();
}
class Queue {
 public:
  void Push(int v) {
    std::lock_guard<std::mutex> lock(mu_);
    items_.push_back(v);
  }
  void Pop() {
    std::lock_guard<std::mutex> lock(mu_);
    items_.pop_front();
  }
  void Clear() {
    AfterUnlock(mu_, [&] { items_.clear(); });  // WARN
  }
 private:
  std::mutex mu_;
  std::deque<int> items_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, AHelperThatDropsTheCallersGuardReleasesIt) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <string>
class Wal {
 public:
  void Append(const std::string& s) {
    std::unique_lock<std::mutex> lock(mu_);
    buffer_ += s;
    WriteOut(lock);
    durable_ = s.size();  // WARN
  }
  void Flush() {
    std::unique_lock<std::mutex> lock(mu_);
    WriteOut(lock);
    lock.lock();
    durable_ = 0;
  }
  size_t Durable() {
    std::lock_guard<std::mutex> lock(mu_);
    return durable_;
  }
 private:
  // `lock` holds mu_ on entry and is released for the write.
  void WriteOut(std::unique_lock<std::mutex>& lock) {
    std::string data;
    data.swap(buffer_);
    lock.unlock();
    Write(data);
  }
  void Write(const std::string&) {}
  std::mutex mu_;
  std::string buffer_;
  size_t durable_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, AHelperThatRelocksTheCallersGuardKeepsIt) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <string>
class Wal {
 public:
  void Append(const std::string& s) {
    std::unique_lock<std::mutex> lock(mu_);
    buffer_ += s;
    WriteOut(lock);
    durable_ = buffer_.size();
  }
  size_t Durable() {
    std::lock_guard<std::mutex> lock(mu_);
    return durable_;
  }
 private:
  void WriteOut(std::unique_lock<std::mutex>& lock) {
    std::string data;
    data.swap(buffer_);
    lock.unlock();
    Write(data);
    lock.lock();
  }
  void Write(const std::string&) {}
  std::mutex mu_;
  std::string buffer_;
  size_t durable_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, ADeclaredOnlyCLockApiIsKnownByItsNames) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
typedef struct db_mutex db_mutex;
extern "C" {
db_mutex* db_mutex_alloc(int kind);
void db_mutex_free(db_mutex* m);
void db_mutex_enter(db_mutex* m);
void db_mutex_leave(db_mutex* m);
}
class StatementCache {
 public:
  StatementCache() : mutex_(db_mutex_alloc(0)) {}
  ~StatementCache() { db_mutex_free(mutex_); }
  void Hit() {
    db_mutex_enter(mutex_);
    ++hits_;
    db_mutex_leave(mutex_);
  }
  void Reset() {
    db_mutex_enter(mutex_);
    hits_ = 0;
    db_mutex_leave(mutex_);
  }
  long Hits() const { return hits_; }  // WARN
 private:
  db_mutex* const mutex_;
  long hits_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, ASpinLockStructOnAtomicsIsKnownByItsNames) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
typedef struct { volatile int locked; } ring_spinlock_t;
static inline void ring_spinlock_lock(ring_spinlock_t* sl) {
  int expected = 0;
  while (!__atomic_compare_exchange_n(&sl->locked, &expected, 1, 0,
                                      __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
    expected = 0;
  }
}
static inline void ring_spinlock_unlock(ring_spinlock_t* sl) {
  __atomic_store_n(&sl->locked, 0, __ATOMIC_RELEASE);
}
struct table {
  ring_spinlock_t lock;
  int entries;
  int evictions;
};
void table_add(struct table* t) {
  ring_spinlock_lock(&t->lock);
  t->entries++;
  ring_spinlock_unlock(&t->lock);
}
void table_evict(struct table* t) {
  ring_spinlock_lock(&t->lock);
  t->entries--;
  ring_spinlock_unlock(&t->lock);
  t->evictions++;  // WARN
}
void table_clear(struct table* t) {
  ring_spinlock_lock(&t->lock);
  t->evictions = 0;
  ring_spinlock_unlock(&t->lock);
}
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, AGuardOverADeclaredOnlyLockFunctionIsAGuard) {
  // libuv's uv_mutex_lock is declared only; Node's ScopedLock calls it.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <pthread.h>
#include <deque>
extern "C" {
typedef pthread_mutex_t loop_mutex_t;
void loop_mutex_lock(loop_mutex_t* handle);
void loop_mutex_unlock(loop_mutex_t* handle);
}
class Mutex {
 public:
  class ScopedLock {
   public:
    explicit ScopedLock(const Mutex& m) : mu_(m) {
      loop_mutex_lock(&mu_.mutex_);
    }
    ~ScopedLock() { loop_mutex_unlock(&mu_.mutex_); }
   private:
    const Mutex& mu_;
  };
 private:
  mutable loop_mutex_t mutex_;
};
class Bridge {
 public:
  void Post(int m) {
    Mutex::ScopedLock scoped_lock(lock_);
    incoming_.push_back(m);
  }
  void Take() {
    Mutex::ScopedLock scoped_lock(lock_);
    incoming_.clear();
  }
  size_t Peek() { return incoming_.size(); }  // WARN
 private:
  Mutex lock_;
  std::deque<int> incoming_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, AGuardFromAFactoryHoldsTheLockItWasGiven) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
template <typename T>
std::unique_lock<T> HoldLock(T& lockable) {
  return std::unique_lock<T>(lockable);
}
class Stats {
 public:
  void Add(int key) {
    auto locker = HoldLock(lock_);
    counts_[key]++;
  }
  int Get(int key) {
    auto locker = HoldLock(lock_);
    return counts_[key];
  }
  size_t Size() { return counts_.size(); }  // WARN
 private:
  std::mutex lock_;
  std::map<int, int> counts_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, APlatformTryLockHoldsOnItsSuccessEdge) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <pthread.h>
#include <vector>
class Queue {
 public:
  void Add(int v) {
    pthread_mutex_lock(&mu_);
    pending_.push_back(v);
    pthread_mutex_unlock(&mu_);
  }
  bool TryTake(std::vector<int>* out) {
    if (pthread_mutex_trylock(&mu_) != 0) {
      pending_.clear();  // WARN
      return false;
    }
    out->swap(pending_);
    pthread_mutex_unlock(&mu_);
    return true;
  }
  bool TryTakeZero(std::vector<int>* out) {
    if (pthread_mutex_trylock(&mu_) == 0) {
      out->swap(pending_);
      pthread_mutex_unlock(&mu_);
      return true;
    }
    return false;
  }
 private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::vector<int> pending_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, WhatStartDoesBeforeItStartsTheThreadIsOrdered) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <deque>
class Exporter {
 public:
  void Start() {
    running_ = true;
    thread_ = std::thread([this] { Run(); });
  }
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      running_ = false;
    }
    thread_.join();
  }
  void Push(int v) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(v);
  }
  bool Running() { return running_; }  // WARN
 private:
  void Run() {
    std::lock_guard<std::mutex> lock(mu_);
    while (running_ && !queue_.empty()) queue_.pop_front();
  }
  std::mutex mu_;
  std::deque<int> queue_;
  bool running_ = false;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, AStructNamedForSomethingElseIsNoLock) {
  // `block` ends in "lock" only as letters; `lock_stats` names statistics.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
typedef struct { int used; } block_t;
struct lock_stats { int taken; };
void block_lock(block_t* b);
void block_unlock(block_t* b);
struct pool {
  block_t head;
  struct lock_stats stats;
  int count;
};
void pool_add(struct pool* p) {
  block_lock(&p->head);
  p->count++;
  block_unlock(&p->head);
}
int pool_count(struct pool* p) { return p->count; }
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, ALockWhoseLockReturnsItsGuardIsALock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
namespace util {
class Mutex {
 public:
  class Guard {
   public:
    void Unlock();
   private:
    Mutex* locked_ = nullptr;
  };
  Guard Lock();
 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
}  // namespace util
class Readahead {
 public:
  void Push(int v) {
    auto guard = mutex_.Lock();
    items_.push_back(v);
  }
  const int& Front() {
    auto guard = mutex_.Lock();
    return items_.front();  // WARN
  }
  void Finish(int status) {
    auto guard = mutex_.Lock();
    status_ = status;
    guard.Unlock();
    Report(status_);  // WARN
  }
  int Status() {
    auto guard = mutex_.Lock();
    return status_;
  }
 private:
  void Report(int) {}
  util::Mutex mutex_;
  std::vector<int> items_;
  int status_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockHelpers, AReadAfterTheWritersAreJoinedIsOrdered) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <pthread.h>
#include <cstdio>
struct pool {
  pthread_mutex_t mutex;
  pthread_t threads[4];
  unsigned long long bytes;
};
static void* worker(void* arg) {
  struct pool* p = (struct pool*)arg;
  pthread_mutex_lock(&p->mutex);
  p->bytes += 10;
  pthread_mutex_unlock(&p->mutex);
  return nullptr;
}
void pool_reset(struct pool* p) {
  pthread_mutex_lock(&p->mutex);
  p->bytes = 0;
  pthread_mutex_unlock(&p->mutex);
}
void pool_run(struct pool* p) {
  std::printf("%llu\n", p->bytes);  // WARN
  for (int i = 0; i < 4; i++) pthread_create(&p->threads[i], nullptr, worker, p);
  for (int i = 0; i < 4; i++) pthread_join(p->threads[i], nullptr);
  std::printf("%llu\n", p->bytes);
}
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
