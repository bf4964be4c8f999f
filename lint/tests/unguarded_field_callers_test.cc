// concurrency-unguarded-field: a helper runs with the locks every caller
// holds, when all of its callers are visible. Which methods have only visible
// callers, and which calls say nothing about the callee's locks.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {

namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

// A class defined in the .cc file (a header declares only `struct Impl;`):
// no other file can call its public methods, so they are judged by the
// calls here, as private helpers are.
TEST(UnguardedFieldCallers, ClassDefinedInThisFileIsJudgedByItsCallers) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class ThreadPool {
 public:
  void Submit(std::function<void()> job);
  void SetLimit(int n);
  int Limit();
 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
struct ThreadPool::Impl {
  bool HasExcessiveThread() const { return threads_ > limit_; }
  void StartThreads() {
    while (threads_ < limit_) ++threads_;
  }
  void Submit(std::function<void()> job) {
    std::lock_guard<std::mutex> l(mu_);
    StartThreads();
    queue_.push_back(std::move(job));
    if (HasExcessiveThread()) cv_.notify_all();
  }
  void SetLimit(int n) {
    std::lock_guard<std::mutex> l(mu_);
    limit_ = n;
    StartThreads();
  }
  int Limit() {
    std::lock_guard<std::mutex> l(mu_);
    return limit_;
  }
  int Threads() { return threads_; }  // WARN
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::function<void()>> queue_;
  int limit_ = 0;
  int threads_ = 0;
};
void ThreadPool::Submit(std::function<void()> job) {
  impl_->Submit(std::move(job));
}
void ThreadPool::SetLimit(int n) { impl_->SetLimit(n); }
int ThreadPool::Limit() { return impl_->Limit() + impl_->Threads(); }
)code",
                             kCheck);
}

// A helper also started as a thread body runs with no lock held there.
TEST(UnguardedFieldCallers, MethodTakenByAddressRunsWithoutTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Flusher {
 public:
  void Start() { thread_ = std::thread(&Flusher::FlushOnce, this); }
  void Flush() {
    std::lock_guard<std::mutex> l(mu_);
    FlushOnce();
  }
  int Flushed() {
    std::lock_guard<std::mutex> l(mu_);
    return flushed_;
  }
  void Reset() {
    std::lock_guard<std::mutex> l(mu_);
    flushed_ = 0;
  }
  ~Flusher() { thread_.join(); }
 private:
  void FlushOnce() { ++flushed_; }  // WARN
  std::mutex mu_;
  std::thread thread_;
  int flushed_ = 0;
};
)code",
                             kCheck);
}

// A call on another object of the class holds that object's lock, not this
// one's: the helper it reaches is not always called with `mu_` held.
TEST(UnguardedFieldCallers, CallOnAnotherObjectHoldsNoneOfThisObjectsLocks) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Stats {
 public:
  void Add(int n) {
    std::lock_guard<std::mutex> l(mu_);
    Accumulate(n);
  }
  void MergeFrom(Stats& other) {
    std::lock_guard<std::mutex> l(mu_);
    other.Accumulate(total_);
  }
  int Total() {
    std::lock_guard<std::mutex> l(mu_);
    return total_;
  }
  void Reset() {
    std::lock_guard<std::mutex> l(mu_);
    total_ = 0;
  }
 private:
  void Accumulate(int n) { total_ += n; }  // WARN
  std::mutex mu_;
  int total_ = 0;
};
)code",
                             kCheck);
}

// A component's own lock()/unlock() (Godot's AudioDriver) take its member
// mutex: accesses between them hold it, on `this` or on the object a static
// thread function is handed as its void* (`ad = static_cast<Driver*>(p)`),
// whose unlocked reads are the object's.
TEST(UnguardedFieldCallers, OwnLockMethodsAndAThreadFunctionsObject) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <mutex>
class Driver {
 public:
  void lock() { mutex_.lock(); }
  void unlock() { mutex_.unlock(); }
  void Tick() {
    lock();
    ++blocks_;
    unlock();
  }
  void Reset() { std::lock_guard<std::mutex> l(mutex_); blocks_ = 0; }
  int Get() { std::lock_guard<std::mutex> l(mutex_); return blocks_; }
  static void ThreadFunc(void* p) {
    Driver* d = static_cast<Driver*>(p);
    d->lock();
    ++d->blocks_;
    d->unlock();
    if (d->blocks_ > 3) return;  // WARN
  }
 private:
  std::mutex mutex_;
  int blocks_ = 0;
};
)code",
                             kCheck);
}

// A C callback's void* context cast back to the object calls the object's
// own code: a ...Locked() helper it calls without the lock is called
// unlocked, as from any method.
TEST(UnguardedFieldCallers, TrampolineCallsALockedHelperUnlocked) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
#include <mutex>
void dispatch_async_f(void* queue, void* context, void (*work)(void*));
class Cache {
 public:
  int Find(int k) { std::lock_guard<std::mutex> g(mu_); return entries_[k]; }
  void Insert(int k, int v) {
    std::lock_guard<std::mutex> g(mu_);
    entries_[k] = v;
    if (entries_.size() > 10) PurgeLocked();
  }
  void OnMemoryWarning() { dispatch_async_f(nullptr, this, &Cache::Purge); }
 private:
  static void Purge(void* context) {
    static_cast<Cache*>(context)->PurgeLocked();
  }
  void PurgeLocked() { entries_.clear(); }  // WARN
  std::mutex mu_;
  std::map<int, int> entries_;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
