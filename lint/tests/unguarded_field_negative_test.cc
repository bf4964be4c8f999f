// concurrency-unguarded-field, negative cases: no finding, for both lock
// families, annotated and inferred guards, lambdas, helpers, constructors
// and NOLINT.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

TEST(UnguardedFieldNegative, EveryAccessHoldsTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Counter {
 public:
  void Add() {
    absl::MutexLock l(&mu_);
    ++count_;
  }
  int Get() {
    absl::MutexLock l(&mu_);
    return count_;
  }
  void Reset() {
    mu_.Lock();
    count_ = 0;
    mu_.Unlock();
  }

 private:
  absl::Mutex mu_;
  int count_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, ConstructorAndDestructorNeedNoLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Counter {
 public:
  Counter() {
    count_ = 1;
    guarded_ = 2;
  }
  ~Counter() {
    count_ = 0;
    guarded_ = 0;
  }
  void Add() {
    absl::MutexLock l(&mu_);
    ++count_;
    ++guarded_;
  }
  int Get() {
    absl::MutexLock l(&mu_);
    return count_ + guarded_;
  }

 private:
  absl::Mutex mu_;
  int count_ = 0;
  int guarded_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, RequiresHelperStartsWithTheLockHeld) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Cache {
 public:
  void Put(int v) {
    absl::MutexLock l(&mu_);
    PutLocked(v);
  }
  int Size() {
    absl::MutexLock l(&mu_);
    return size_;
  }

 private:
  void PutLocked(int v) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { size_ += v; }
  absl::Mutex mu_;
  int size_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, PrivateHelperOnlyCalledUnderTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Cache {
 public:
  void Put(int v) {
    absl::MutexLock l(&mu_);
    Evict();
    size_ += v;
  }
  void Trim() {
    mu_.Lock();
    Evict();
    mu_.Unlock();
  }
  int Size() {
    absl::MutexLock l(&mu_);
    return size_;
  }

 private:
  void Evict() {
    if (size_ > 10) size_ = 10;
  }
  absl::Mutex mu_;
  int size_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, ConstAndImmutableFields) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Limits {
 public:
  explicit Limits(int cap) : cap_(cap), name_("limits") {}
  void Use() {
    absl::MutexLock l(&mu_);
    used_ = used_ < cap_ ? used_ + 1 : used_;
  }
  int Cap() const { return cap_; }
  std::string Name() const { return name_; }

 private:
  absl::Mutex mu_;
  const int cap_;
  std::string name_;  // written only by the
                      // constructor
  int used_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, AtomicsNeedNoLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Flags {
 public:
  void Stop() {
    absl::MutexLock l(&mu_);
    stopped_ = true;
    ++stops_;
  }
  void Again() {
    absl::MutexLock l(&mu_);
    stopped_.store(false);
    ++stops_;
  }
  bool Stopped() const { return stopped_.load(std::memory_order_acquire); }
  int Stops() const { return stops_.load(); }

 private:
  absl::Mutex mu_;
  std::atomic<bool> stopped_{false};
  std::atomic<int> stops_{0};
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, FieldDocumentedAsThreadConfined) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Reader {
 public:
  void Deliver() {
    absl::MutexLock l(&mu_);
    ++delivered_;
    ++scratch_;
  }
  void Flush() {
    absl::MutexLock l(&mu_);
    delivered_ = 0;
    scratch_ = 0;
  }
  void ReadLoop() { ++scratch_; }

 private:
  absl::Mutex mu_;
  int delivered_ = 0;
  // Owned by the reader thread; Deliver and
  // Flush run on it too.
  int scratch_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, NoThreadSafetyAnalysisOptsOut) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Debug {
 public:
  void Add() {
    absl::MutexLock l(&mu_);
    ++n_;
  }
  int Racy() ABSL_NO_THREAD_SAFETY_ANALYSIS { return n_; }

 private:
  absl::Mutex mu_;
  int n_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, ConditionVariablePredicateRunsUnderTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Latch {
 public:
  void Open() {
    std::lock_guard<std::mutex> g(m_);
    open_ = true;
    cv_.notify_all();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [this] { return open_; });
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  bool open_ = false;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, ValueCaptureReadsUnderTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Reporter {
 public:
  void Bump() {
    absl::MutexLock l(&mu_);
    ++count_;
  }
  std::thread Report() {
    absl::MutexLock l(&mu_);
    return std::thread([count = count_] { (void)count; });
  }

 private:
  absl::Mutex mu_;
  int count_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, AssertHeldEstablishesTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Ledger {
 public:
  void Add() {
    absl::MutexLock l(&mu_);
    Apply();
  }
  void Apply() {
    mu_.AssertHeld();
    ++entries_;
  }

 private:
  absl::Mutex mu_;
  int entries_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, TryLockSuccessBranchHoldsTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Sampler {
 public:
  void Sample() {
    if (mu_.TryLock()) {
      ++samples_;
      mu_.Unlock();
    }
  }
  void Sample2() {
    if (!m_.try_lock()) return;
    ++other_;
    m_.unlock();
  }
  int Other() {
    std::lock_guard<std::mutex> g(m_);
    return other_;
  }

 private:
  absl::Mutex mu_;
  std::mutex m_;
  int samples_ ABSL_GUARDED_BY(mu_) = 0;
  int other_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, MostlyUnlockedFieldIsNotInferred) {
  // The one locked write shares its section with other state, so the lock
  // may be there for that; a section for x_ alone would be evidence (see
  // unguarded_field_evidence_test).
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Loose {
 public:
  void A() {
    absl::MutexLock l(&mu_);
    x_ = 1;
    ++generation_;
  }
  int Generation() {
    absl::MutexLock l(&mu_);
    return generation_;
  }
  void B() { x_ = 2; }
  void C() { x_ = 3; }
  int D() { return x_; }

 private:
  absl::Mutex mu_;
  int x_ = 0;
  int generation_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, HelperOnlyCalledFromTheConstructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Server {
 public:
  Server() { Configure(); }
  void Serve() {
    absl::MutexLock l(&mu_);
    ++port_;
  }
  int Port() {
    absl::MutexLock l(&mu_);
    return port_;
  }

 private:
  void Configure() { port_ = 80; }
  absl::Mutex mu_;
  int port_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, NolintSuppressesByCheckName) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Racy {
 public:
  void Add() {
    absl::MutexLock l(&mu_);
    ++n_;
  }
  int Get1() { return n_; }  // NOLINT(concurrency-unguarded-field): stats
  // NOLINTNEXTLINE(concurrency-unguarded-field): stats only
  int Get2() { return n_; }

 private:
  absl::Mutex mu_;
  int n_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, AdoptLockAfterExplicitLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Adopter {
 public:
  void Set(int v) {
    m_.lock();
    std::lock_guard<std::mutex> g(m_, std::adopt_lock);
    v_ = v;
  }
  int Get() {
    std::lock_guard<std::mutex> g(m_);
    return v_;
  }
  void Clear() {
    std::lock_guard<std::mutex> g(m_);
    v_ = 0;
  }

 private:
  std::mutex m_;
  int v_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, SynchronousLambdaInheritsTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(
      R"code(
#include <algorithm>
        class Sorter {
         public:
          void Add(int v) {
            absl::MutexLock l(&mu_);
            values_.push_back(v);
          }
          int CountAbove(int t) {
            absl::MutexLock l(&mu_);
            return std::count_if(
                values_.begin(), values_.end(),
                [this, t](int v) { return v > t && v < limit_; });
          }
          void SetLimit(int l) {
            absl::MutexLock lock(&mu_);
            limit_ = l;
          }

         private:
          absl::Mutex mu_;
          std::vector<int> values_ ABSL_GUARDED_BY(mu_);
          int limit_ ABSL_GUARDED_BY(mu_) = 100;
        };
)code",
      kCheck);
}

TEST(UnguardedFieldNegative, ReturningACopyIsNotAnEscape) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  std::vector<std::string> Names() {
    absl::MutexLock l(&mu_);
    return names_;
  }
  const std::vector<std::string>& NamesLocked()
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return names_;
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

TEST(UnguardedFieldNegative, HelperAlsoCalledFromDestructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Cache {
 public:
  ~Cache() { Unref(); }
  void Release() { absl::MutexLock l(&mu_); Unref(); }
  void Insert() { absl::MutexLock l(&mu_); ++refs_; }
 private:
  void Unref() { --refs_; }
  absl::Mutex mu_;
  int refs_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, DeliberateUnlockWindowForInferredGuard) {
  // LevelDB's DBImpl::Write: the writer at the head of the queue owns the log
  // while it drops the mutex for I/O, and takes it again afterwards.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Db {
 public:
  void Write(int record) {
    absl::MutexLock l(&mu_);
    ++pending_;
    mu_.Unlock();
    log_->push_back(record);
    mu_.Lock();
    --pending_;
  }
  void Open() { absl::MutexLock l(&mu_); log_ = new std::vector<int>(); }
  void Close() { absl::MutexLock l(&mu_); delete log_; log_ = nullptr; }
 private:
  absl::Mutex mu_;
  int pending_ = 0;
  std::vector<int>* log_ = nullptr;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, LockReturnedByAnAccessor) {
  // Abseil's FlagImpl: `absl::MutexLock l(DataGuard());`.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Flag {
 public:
  void Set(int v) { absl::MutexLock l(DataGuard()); value_ = v; }
  int Get() const { absl::MutexLock l(DataGuard()); return value_; }
  void Bump() ABSL_EXCLUSIVE_LOCKS_REQUIRED(*DataGuard()) { ++value_; }
 private:
  absl::Mutex* DataGuard() const { return &guard_; }
  mutable absl::Mutex guard_;
  int value_ ABSL_GUARDED_BY(DataGuard()) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, UnlockFunctionStartsWithTheLockHeld) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Info {
 public:
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION(mu_) { mu_.Lock(); ++uses_; }
  void Unlock() ABSL_UNLOCK_FUNCTION(mu_) {
    bool used = uses_ > 0;
    mu_.Unlock();
    (void)used;
  }
 private:
  absl::Mutex mu_;
  int uses_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, GenericReferenceParameterIsNotAWrite) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
template <typename C> size_t CountOf(C& c) { return c.size(); }
class Sinks {
 public:
  void Add(int s) { absl::MutexLock l(&mu_); sinks_.push_back(s); }
  size_t Count() { absl::ReaderMutexLock l(&mu_); return CountOf(sinks_); }
 private:
  absl::Mutex mu_;
  std::vector<int> sinks_ ABSL_GUARDED_BY(mu_);
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, CopyHoldsTheOtherObjectsLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <mutex>
class Stats {
 public:
  Stats() = default;
  Stats(const Stats& other) {
    std::lock_guard<std::mutex> lock(other.mu_);
    bytes_ = other.bytes_;
  }
  Stats& operator=(const Stats& other) {
    if (this == &other) return *this;
    std::scoped_lock lock(mu_, other.mu_);
    bytes_ = other.bytes_;
    return *this;
  }
  void Add(long n) {
    std::lock_guard<std::mutex> lock(mu_);
    bytes_ += n;
  }
  long Bytes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }
 private:
  mutable std::mutex mu_;
  long bytes_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, ValueReadThroughAnIteratorIsACopy) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
#include <memory>
#include <mutex>
struct Table {};
class Catalog {
 public:
  void Put(int key) {
    std::lock_guard<std::mutex> lock(mu_);
    tables_[key] = std::make_shared<Table>();
  }
  std::shared_ptr<Table> Find(int key) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tables_.find(key);
    return it == tables_.end() ? nullptr : it->second;
  }
  Table* Raw(int key) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tables_.find(key);
    return it == tables_.end() ? nullptr : it->second.get();
  }
 private:
  mutable std::mutex mu_;
  std::map<int, std::shared_ptr<Table>> tables_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, ConditionVariableWrapperIsNoData) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <condition_variable>
#include <mutex>
class CondVar {
 public:
  void Wait(std::unique_lock<std::mutex>& l) { cv_.wait(l); }
  void SignalAll() { cv_.notify_all(); }
 private:
  std::condition_variable cv_;
};
class Queue {
 public:
  void Push() {
    std::unique_lock<std::mutex> l(mu_);
    ++n_;
    cv_.SignalAll();
  }
  void Pop() {
    std::unique_lock<std::mutex> l(mu_);
    while (n_ == 0) cv_.Wait(l);
    --n_;
  }
  void Wake() { cv_.SignalAll(); }
 private:
  std::mutex mu_;
  CondVar cv_;
  int n_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, CallersHoldALockTheClassDoesNotOwn) {
  // RocksDB's ColumnFamilyData: "REQUIRES: DB mutex held" on its methods;
  // its own lock guards something else, and is no guess for these fields.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <mutex>
class Family {
 public:
  // REQUIRES: DB mutex held
  void SetMem(int m) { mem_ = m; }
  // REQUIRES: DB mutex held
  int mem() const { return mem_; }
  // REQUIRES: DB mutex held
  void Switch() { mem_ = 0; }
  void Ingest() {
    std::lock_guard<std::mutex> l(ingest_lock_);
    if (mem_ > 0) ++ingested_;
  }
  void Convert() {
    std::lock_guard<std::mutex> l(ingest_lock_);
    mem_ = ingested_;
  }
  void Trim() {
    std::lock_guard<std::mutex> l(ingest_lock_);
    if (mem_ > 8) ingested_ = 0;
  }
 private:
  std::mutex ingest_lock_;
  int mem_ = 0;
  int ingested_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, WrittenUnderBothLocksReadUnderEither) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <deque>
#include <mutex>
class Wal {
 public:
  void Switch(int n) {
    std::lock_guard<std::mutex> a(mutex_);
    std::lock_guard<std::mutex> b(wal_mutex_);
    logs_.push_back(n);
  }
  void Obsolete() {
    std::lock_guard<std::mutex> a(mutex_);
    std::lock_guard<std::mutex> b(wal_mutex_);
    logs_.pop_front();
  }
  int Sync() {
    std::lock_guard<std::mutex> b(wal_mutex_);
    return logs_.back();
  }
  int Flush() {
    std::lock_guard<std::mutex> b(wal_mutex_);
    return logs_.front();
  }
  size_t Count() {
    std::lock_guard<std::mutex> a(mutex_);
    return logs_.size();
  }
 private:
  std::mutex mutex_;
  std::mutex wal_mutex_;
  std::deque<int> logs_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, AddressComparedAsAnIdentity) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <mutex>
struct Writer {
  Writer* next = nullptr;
};
class WriteThread {
 public:
  void Stall() {
    std::lock_guard<std::mutex> l(mu_);
    dummy_.next = head_;
    head_ = &dummy_;
  }
  void Resume() {
    std::lock_guard<std::mutex> l(mu_);
    head_ = dummy_.next;
  }
  bool IsDummy(Writer* w) const { return w == &dummy_; }
 private:
  std::mutex mu_;
  Writer dummy_;
  Writer* head_ = nullptr;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, DocumentedAsNeedingNoLockOnItsThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <mutex>
class Db {
 public:
  void Switch() {
    std::lock_guard<std::mutex> l(mu_);
    ++wal_number_;
  }
  void Rotate() {
    std::lock_guard<std::mutex> l(mu_);
    wal_number_ = 0;
  }
  int Current() { return wal_number_; }
 private:
  std::mutex mu_;
  // Updated only in the write thread, so it can be read from that thread
  // without any locks.
  int wal_number_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldNegative, ClassDerivedFromAnAtomicIsAtomic) {
  // Written both under the lock and outside it, as an atomic may be; the
  // wrapper adds constructors only (Unreal's TAtomic<T>).
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <atomic>
#include <mutex>
#include <vector>
template <typename T>
class Atomic : public std::atomic<T> {
 public:
  Atomic() : std::atomic<T>(T()) {}
  using std::atomic<T>::operator=;
};
class Queue {
 public:
  void Push(int v) {
    std::lock_guard<std::mutex> l(mu_);
    items_.push_back(v);
    queued_++;
  }
  void Drain() {
    std::lock_guard<std::mutex> l(mu_);
    items_.clear();
    queued_ = 0;
  }
  int Queued() const { return queued_.load(); }
 private:
  std::mutex mu_;
  std::vector<int> items_;
  Atomic<int> queued_;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
