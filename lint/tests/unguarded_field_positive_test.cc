// concurrency-unguarded-field, positive cases: a finding on each "// WARN"
// line, for both lock families, annotated and inferred guards, lambdas,
// helpers and constructors.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

TEST(UnguardedFieldPositive, AnnotatedReadWithoutLock) {
  const std::string code = R"code(
class Counter {
 public:
  void Add() {
    absl::MutexLock l(&mu_);
    ++count_;
  }
  int Get() const { return count_; }  // WARN
 private:
  mutable absl::Mutex mu_;
  int count_ ABSL_GUARDED_BY(mu_) = 0;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(
      findings[0].message,
      "field 'count_' is read in 'Counter::Get' without holding 'mu_', which "
      "guards it");
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_EQ(findings[0].notes[0].message,
            "'count_' is declared guarded by 'mu_' here");
}

TEST(UnguardedFieldPositive, AnnotatedWriteWithoutLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Registry {
 public:
  void Clear() { names_.clear(); }  // WARN
  size_t Size() {
    absl::MutexLock l(&mu_);
    return names_.size();
  }

 private:
  absl::Mutex mu_;
  std::vector<std::string> names_ ABSL_GUARDED_BY(mu_);
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, PointeeGuardedDereferenceWithoutLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Holder {
 public:
  int Peek() { return *value_; }  // WARN
  bool HasValue() { return value_ != nullptr; }
  void Set(int v) {
    absl::MutexLock l(&mu_);
    *value_ = v;
  }

 private:
  absl::Mutex mu_;
  int* value_ ABSL_PT_GUARDED_BY(mu_) = nullptr;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, WriteUnderReaderLockOnly) {
  const std::string code = R"code(
class Table {
 public:
  void Bump() {
    absl::ReaderMutexLock l(&mu_);
    ++version_;  // WARN
  }
  int Version() {
    absl::ReaderMutexLock l(&mu_);
    return version_;
  }

 private:
  absl::Mutex mu_;
  int version_ ABSL_GUARDED_BY(mu_) = 0;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  EXPECT_NE(Lint(code, kCheck)[0].message.find("only shared"),
            std::string::npos);
}

TEST(UnguardedFieldPositive, InferredGuardReadForLogging) {
  const std::string code = R"code(
class Connection {
 public:
  void Send() {
    absl::MutexLock l(&mu_);
    ++sent_;
  }
  void Ack() {
    absl::MutexLock l(&mu_);
    --sent_;
  }
  std::string Describe() {
    return "in flight: " + std::to_string(sent_);  // WARN
  }
 private:
  absl::Mutex mu_;
  int sent_ = 0;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "field 'sent_' is read in 'Connection::Describe' without holding "
            "'mu_'; 2 of "
            "its 3 accesses hold 'mu_', so it is inferred to guard 'sent_'");
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_EQ(
      findings[0].notes[0].message,
      "'sent_' is written while holding 'mu_' here, in 'Connection::Send'");
}

TEST(UnguardedFieldPositive, InferredWithStdMutexAndLockGuard) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Stats {
 public:
  void Record(int v) {
    std::lock_guard<std::mutex> g(m_);
    total_ += v;
  }
  int Total() {
    std::lock_guard<std::mutex> g(m_);
    return total_;
  }
  void Reset() { total_ = 0; }  // WARN
 private:
  std::mutex m_;
  int total_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, AccessAfterExplicitUnlock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Queue {
 public:
  void Push(int v) {
    mu_.Lock();
    items_.push_back(v);
    mu_.Unlock();
    last_ = v;  // WARN
  }
  int Last() {
    absl::MutexLock l(&mu_);
    return last_;
  }

 private:
  absl::Mutex mu_;
  std::vector<int> items_ ABSL_GUARDED_BY(mu_);
  int last_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, UniqueLockUnlockThenAccess) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Buffer {
 public:
  void Put(int v) {
    std::lock_guard<std::mutex> g(m_);
    data_.push_back(v);
  }
  size_t Drain() {
    std::unique_lock<std::mutex> lock(m_);
    size_t n = data_.size();
    lock.unlock();
    data_.clear();  // WARN
    return n;
  }

 private:
  std::mutex m_;
  std::vector<int> data_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, ReleasableMutexLockReleased) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pool {
 public:
  int Take() {
    absl::ReleasableMutexLock l(&mu_);
    int n = free_;
    l.Release();
    free_ = n - 1;  // WARN
    return n;
  }

 private:
  absl::Mutex mu_;
  int free_ ABSL_GUARDED_BY(mu_) = 4;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, DeferLockAccessBeforeLocking) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Meter {
 public:
  void Tick() {
    std::lock_guard<std::mutex> g(m_);
    ++ticks_;
  }
  int Read() {
    std::lock_guard<std::mutex> g(m_);
    return ticks_;
  }
  int Swap() {
    std::unique_lock<std::mutex> lock(m_, std::defer_lock);
    int seen = ticks_;  // WARN
    lock.lock();
    ticks_ = 0;
    return seen;
  }

 private:
  std::mutex m_;
  int ticks_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, LambdaOnAnotherThreadSkipsTheLock) {
  const std::string code = R"code(
class Worker {
 public:
  void Start() {
    absl::MutexLock l(&mu_);
    thread_ = std::thread([this] { ++done_; });  // WARN
  }
  int Done() {
    absl::MutexLock l(&mu_);
    return done_;
  }
  ~Worker() { thread_.join(); }

 private:
  absl::Mutex mu_;
  int done_ ABSL_GUARDED_BY(mu_) = 0;
  std::thread thread_;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  EXPECT_NE(
      Lint(code, kCheck)[0].message.find(
          "a lambda in 'Worker::Start' that runs later or on another thread"),
      std::string::npos);
}

TEST(UnguardedFieldPositive, StoredCallbackReadsInferredField) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Watcher {
 public:
  void Arm() {
    absl::MutexLock l(&mu_);
    ++armed_;
    on_fire_ = [this] { return armed_ > 0; };  // WARN
  }
  void Disarm() {
    absl::MutexLock l(&mu_);
    armed_ = 0;
  }

 private:
  absl::Mutex mu_;
  int armed_ = 0;
  std::function<bool()> on_fire_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, ReferenceEscapesTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  const std::vector<std::string>& Names() {
    absl::MutexLock l(&mu_);
    return names_;  // WARN
  }
  void Add(std::string n) {
    absl::MutexLock l(&mu_);
    names_.push_back(n);
  }

 private:
  absl::Mutex mu_;
  std::vector<std::string> names_ ABSL_GUARDED_BY(mu_);
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, PointerEscapesTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Config {
 public:
  std::string* Mutable() {
    std::lock_guard<std::mutex> g(m_);
    return &value_;  // WARN
  }
  void Set(std::string v) {
    std::lock_guard<std::mutex> g(m_);
    value_ = v;
  }
  std::string Get() {
    std::lock_guard<std::mutex> g(m_);
    return value_;
  }

 private:
  std::mutex m_;
  std::string value_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, CustomLockableWrapperLevelDbStyle) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
namespace port {
class ABSL_LOCKABLE Mutex {
 public:
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() {}
  void Unlock() ABSL_UNLOCK_FUNCTION() {}
};
}  // namespace port
class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(port::Mutex* mu)
      ABSL_EXCLUSIVE_LOCK_FUNCTION(mu)
      : mu_(mu) {
    mu_->Lock();
  }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }

 private:
  port::Mutex* const mu_;
};
class Db {
 public:
  void Write() {
    MutexLock l(&mutex_);
    ++seq_;
  }
  int Seq() {
    MutexLock l(&mutex_);
    return seq_;
  }
  int Peek() { return seq_; }  // WARN
 private:
  port::Mutex mutex_;
  int seq_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, LockHeldOnOnlyOneBranch) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Flaky {
 public:
  void Maybe(bool lock) {
    if (lock) mu_.Lock();
    ++count_;  // WARN
    if (lock) mu_.Unlock();
  }

 private:
  absl::Mutex mu_;
  int count_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, SharedLockOnSharedMutexDoesNotAllowWrites) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Index {
 public:
  int Find() {
    std::shared_lock<std::shared_mutex> l(m_);
    return size_;
  }
  void Grow() {
    std::unique_lock<std::shared_mutex> l(m_);
    ++size_;
  }
  void Shrink() {
    std::shared_lock<std::shared_mutex> l(m_);
    --size_;  // WARN
  }
 private:
  std::shared_mutex m_;
  int size_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, HelperCalledWithAndWithoutLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Session {
 public:
  void Open() {
    absl::MutexLock l(&mu_);
    Touch();
  }
  void Poke() { Touch(); }
  int Uses() {
    absl::MutexLock l(&mu_);
    return uses_;
  }

 private:
  void Touch() { ++uses_; }  // WARN
  absl::Mutex mu_;
  int uses_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, ExecutorScheduleRunsLambdaElsewhere) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Executor {
  template <typename F>
  void Schedule(F f) {
    f();
  }
};
class Refresher {
 public:
  void Refresh(Executor& executor) {
    absl::MutexLock l(&mu_);
    executor.Schedule([this] { stale_ = false; });  // WARN
  }
  bool Stale() {
    absl::MutexLock l(&mu_);
    return stale_;
  }

 private:
  absl::Mutex mu_;
  bool stale_ ABSL_GUARDED_BY(mu_) = true;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, ScopedLockOverTwoMutexes) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Transfer {
 public:
  void Move() {
    std::scoped_lock l(a_, b_);
    ++moves_;
  }
  int Moves() {
    std::scoped_lock l(a_, b_);
    return moves_;
  }
  void Undo() { --moves_; }  // WARN
 private:
  std::mutex a_;
  std::mutex b_;
  int moves_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, UnlockWindowStillEnforcesDeclaredGuards) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Db {
 public:
  void Write(int record) {
    absl::MutexLock l(&mu_);
    mu_.Unlock();
    log_.push_back(record);  // WARN
    mu_.Lock();
  }
 private:
  absl::Mutex mu_;
  std::vector<int> log_ ABSL_GUARDED_BY(mu_);
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, CopyAssignmentReadsTheOtherObjectUnlocked) {
  // spdlog's backtracer: operator= and the copy constructor lock their own
  // mutex (or none) and read `other`, which other threads may be writing.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <mutex>
#include <string>
class Stats {
 public:
  Stats() = default;
  Stats(const Stats& other)
      : bytes_(other.bytes_) {  // WARN
    peer_ = other.peer_;  // WARN
  }
  Stats& operator=(const Stats& other) {
    std::lock_guard<std::mutex> lock(mu_);
    bytes_ = other.bytes_;  // WARN
    peer_ = other.peer_;  // WARN
    return *this;
  }
  void Add(long n, const std::string& peer) {
    std::lock_guard<std::mutex> lock(mu_);
    bytes_ += n;
    peer_ = peer;
  }
  long Bytes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }
  std::string Peer() const {
    std::lock_guard<std::mutex> lock(mu_);
    return peer_;
  }
 private:
  mutable std::mutex mu_;
  long bytes_ = 0;
  std::string peer_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldPositive, IteratorIntoTheFieldReturnedPastTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
#include <mutex>
#include <string>
class Registry {
 public:
  void Put(int key, const std::string& value) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_[key] = value;
  }
  void Erase(int key) {
    std::lock_guard<std::mutex> lock(mu_);
    entries_.erase(key);
  }
  const std::string* Find(int key) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    return &it->second;  // WARN
  }
  const std::string& First() const {
    std::lock_guard<std::mutex> lock(mu_);
    return entries_.begin()->second;  // WARN
  }
 private:
  mutable std::mutex mu_;
  std::map<int, std::string> entries_;
};
)code",
                             kCheck);
}

// "Without any synchronization" said of the callers (the class does the
// locking for them) is no licence for the field to go unlocked.
TEST(UnguardedFieldPositive, CallersNeedingNoSynchronizationIsNotConfinement) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdio>
#include <mutex>
class Deletions {
 public:
  void Disable() {
    std::lock_guard<std::mutex> l(mu_);
    ++disabled_;
  }
  void Enable() {
    bool enabled = false;
    {
      std::lock_guard<std::mutex> l(mu_);
      if (disabled_ > 0) --disabled_;
      enabled = disabled_ == 0;
    }
    if (!enabled) std::printf("still disabled: %d\n", disabled_);  // WARN
  }
 private:
  std::mutex mu_;
  // The counter lets two different threads call Enable() and
  // Disable() without any synchronization.
  int disabled_ = 0;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
