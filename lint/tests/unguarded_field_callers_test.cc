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

}  // namespace
}  // namespace lockstep::lint::testing
