// concurrency-unguarded-field on lock types the lint was not told about: a
// project's own mutex recognised by what it is (it wraps a lock and has lock
// and unlock members), POSIX locks, reader guards recognised by what their
// constructor calls, guard members that unlock and relock, guards that lock
// through a helper of their own, and std::try_to_lock.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

// A project's mutex in the style of LevelDB's port::Mutex: unannotated, its
// members defined in another file, a pthread_mutex_t inside.
std::string WithPortMutex(const std::string& snippet) {
  return R"code(
#include <pthread.h>
namespace port {
class Mutex {
 public:
  Mutex();
  void Lock();
  void Unlock();
  void AssertHeld();
 private:
  pthread_mutex_t mu_;
};
class MutexLock {
 public:
  explicit MutexLock(Mutex* mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }
 private:
  Mutex* const mu_;
};
}  // namespace port
)code" + snippet;
}

TEST(UnguardedFieldLockTypes, ProjectMutexWithOutOfLineMembers) {
  EXPECT_FINDINGS_AT_MARKERS(WithPortMutex(R"code(
class Tracer {
 public:
  void Start() { port::MutexLock l(&mu_); ++traces_; }
  void Stop() { port::MutexLock l(&mu_); traces_ = 0; }
  int Count() { return traces_; }  // WARN
 private:
  port::Mutex mu_;
  int traces_ = 0;
};
)code"),
                             kCheck);
}

TEST(UnguardedFieldLockTypes, ExplicitUnlockWindowOnAProjectMutex) {
  EXPECT_FINDINGS_AT_MARKERS(WithPortMutex(R"code(
class Db {
 public:
  void Write(int n) {
    port::MutexLock l(&mu_);
    ++writes_;
    mu_.Unlock();
    ++bytes_;  // WARN
    mu_.Lock();
  }
  int Bytes() { port::MutexLock l(&mu_); return bytes_; }
  void Reset() { port::MutexLock l(&mu_); bytes_ = 0; writes_ = 0; }
 private:
  port::Mutex mu_;
  int writes_ = 0;
  int bytes_ = 0;
};
)code"),
                             kCheck);
}

TEST(UnguardedFieldLockTypes, AssertHeldDocumentsTheCallersLock) {
  EXPECT_FINDINGS_AT_MARKERS(WithPortMutex(R"code(
class Versions {
 public:
  void Apply() { port::MutexLock l(&mu_); Bump(); }
  void Log() { port::MutexLock l(&mu_); Bump(); ++logs_; }
  int Current() { port::MutexLock l(&mu_); return version_; }
  void Bump() {
    mu_.AssertHeld();
    ++version_;
  }
 private:
  port::Mutex mu_;
  int version_ = 0;
  int logs_ = 0;
};
)code"),
                             kCheck);
}

TEST(UnguardedFieldLockTypes, RawPosixLocks) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <pthread.h>
class Counters {
 public:
  void Hit() {
    pthread_mutex_lock(&mu_);
    ++hits_;
    pthread_mutex_unlock(&mu_);
  }
  void Clear() {
    pthread_mutex_lock(&mu_);
    hits_ = 0;
    pthread_mutex_unlock(&mu_);
  }
  long Hits() { return hits_; }  // WARN
 private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  long hits_ = 0;
};
)code",
                             kCheck);
}

// A Qt-style read/write lock and its guards, unannotated, defined inline.
constexpr char kReadWriteLock[] = R"code(
class RwLock {
 public:
  void lockForRead() { m_.lock_shared(); }
  void lockForWrite() { m_.lock(); }
  void unlock() { if (writer_) m_.unlock(); else m_.unlock_shared(); }
 private:
  std::shared_mutex m_;
  bool writer_ = false;
};
class ReadLocker {
 public:
  explicit ReadLocker(RwLock* l) : l_(l) { l_->lockForRead(); }
  ~ReadLocker() { l_->unlock(); }
 private:
  RwLock* l_;
};
class WriteLocker {
 public:
  explicit WriteLocker(RwLock* l) : l_(l) { l_->lockForWrite(); }
  ~WriteLocker() { l_->unlock(); }
 private:
  RwLock* l_;
};
)code";

TEST(UnguardedFieldLockTypes,
     WriteUnderAReaderGuardAndReadsThroughNonConstFind) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kReadWriteLock) + R"code(
#include <map>
class Registry {
 public:
  int Get(int key) {
    ReadLocker l(&lock_);
    auto it = values_.find(key);
    if (it == values_.end()) return 0;
    for (auto i = values_.begin(); i != values_.end(); ++i) {}
    ++lookups_[key];  // WARN
    return it->second + static_cast<int>(values_.count(key));
  }
  void Set(int key, int value) {
    WriteLocker l(&lock_);
    values_[key] = value;
    lookups_[key] = 0;
  }
 private:
  RwLock lock_;
  std::map<int, int> values_;
  std::map<int, int> lookups_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, GuardMembersThatUnlockAndRelock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Locker {
 public:
  explicit Locker(std::mutex* m) : m_(m) { Relock(); }
  ~Locker() { if (locked_) m_->unlock(); }
  void Unlock() { locked_ = false; m_->unlock(); }
  void Relock() { m_->lock(); locked_ = true; }
 private:
  std::mutex* m_;
  bool locked_ = false;
};
class Cache {
 public:
  int Load(int key) {
    Locker locker(&mu_);
    ++misses_;
    locker.Unlock();
    int value = key * 2;
    ++failures_;  // WARN
    locker.Relock();
    ++loads_;
    return value;
  }
  void Reset() {
    Locker locker(&mu_);
    misses_ = failures_ = loads_ = 0;
  }
  int Failures() {
    Locker locker(&mu_);
    return failures_;
  }
 private:
  std::mutex mu_;
  int misses_ = 0;
  int failures_ = 0;
  int loads_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, TryToLockHoldsOnTheOwnedPathOnly) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Sampler {
 public:
  void Record(int v) {
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (!lock.owns_lock()) {
      ++dropped_;  // WARN
      return;
    }
    ++dropped_;
    samples_.push_back(v);
  }
  void Maybe(int v) {
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (lock) samples_.push_back(v);
  }
  int Drain() {
    std::lock_guard<std::mutex> l(mu_);
    samples_.clear();
    return dropped_;
  }
 private:
  std::mutex mu_;
  int dropped_ = 0;
  std::vector<int> samples_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, LockThatReturnsItsGuard) {
  // Arrow's util::Mutex: Lock() returns the guard whose destructor unlocks;
  // the mutex has no unlock() of its own.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <memory>
#include <mutex>
class Mutex {
 public:
  class Guard {
   public:
    Guard(Guard&& other) : locked_(other.locked_) { other.locked_ = nullptr; }
    ~Guard() { Unlock(); }
    void Unlock() {
      if (locked_ != nullptr) locked_->impl_.unlock();
      locked_ = nullptr;
    }
   private:
    friend Mutex;
    explicit Guard(Mutex* locked) : locked_(locked) {}
    Mutex* locked_;
  };
  Guard Lock() {
    impl_.lock();
    return Guard(this);
  }
 private:
  std::mutex impl_;
};
class Spooler {
 public:
  void Add(int n) {
    auto guard = mutex_.Lock();
    total_ += n;
  }
  void Reset() {
    auto guard = mutex_.Lock();
    total_ = 0;
  }
  void Drain(int n) {
    auto guard = mutex_.Lock();
    guard.Unlock();
    total_ -= n;  // WARN
  }
  int Peek() { return total_; }  // WARN
 private:
  Mutex mutex_;
  int total_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, SpinLockOnAnAtomicWord) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <atomic>
#include <mutex>
class SpinLock {
 public:
  void Lock() {
    while (word_.exchange(1, std::memory_order_acquire) != 0) {
    }
  }
  void Unlock() { word_.store(0, std::memory_order_release); }
 private:
  std::atomic<int> word_{0};
};
class Registry {
 public:
  void Add() { lock_.Lock(); ++count_; lock_.Unlock(); }
  void Remove() { lock_.Lock(); --count_; lock_.Unlock(); }
  int Count() const { return count_; }  // WARN
 private:
  SpinLock lock_;
  int count_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, WindowsCriticalSectionsAndSrwLocks) {
  // Windows' lock functions, declared as the SDK declares them (no bodies).
  EXPECT_FINDINGS_AT_MARKERS(R"code(
typedef struct _RTL_CRITICAL_SECTION { void* opaque[5]; } RTL_CRITICAL_SECTION;
typedef RTL_CRITICAL_SECTION CRITICAL_SECTION;
typedef struct _RTL_SRWLOCK { void* Ptr; } RTL_SRWLOCK;
typedef RTL_SRWLOCK SRWLOCK;
void EnterCriticalSection(CRITICAL_SECTION* cs);
void LeaveCriticalSection(CRITICAL_SECTION* cs);
void AcquireSRWLockShared(SRWLOCK* lock);
void ReleaseSRWLockShared(SRWLOCK* lock);
void AcquireSRWLockExclusive(SRWLOCK* lock);
void ReleaseSRWLockExclusive(SRWLOCK* lock);
class Spooler {
 public:
  void Submit(int pages) {
    EnterCriticalSection(&cs_);
    total_ += pages;
    LeaveCriticalSection(&cs_);
  }
  void Take(int pages) {
    EnterCriticalSection(&cs_);
    --jobs_;
    LeaveCriticalSection(&cs_);
    total_ -= pages;  // WARN
  }
  int Total() {
    EnterCriticalSection(&cs_);
    int total = total_;
    LeaveCriticalSection(&cs_);
    return total;
  }
  int Size() {
    AcquireSRWLockShared(&rw_);
    int size = size_;
    ReleaseSRWLockShared(&rw_);
    return size;
  }
  void Grow() {
    AcquireSRWLockShared(&rw_);
    ++size_;  // WARN
    ReleaseSRWLockShared(&rw_);
  }
  void Shrink() {
    AcquireSRWLockExclusive(&rw_);
    --size_;
    ReleaseSRWLockExclusive(&rw_);
  }
 private:
  CRITICAL_SECTION cs_;
  SRWLOCK rw_;
  int total_ = 0;
  int jobs_ = 0;
  int size_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, LockBehindAPrivateImpl) {
  // The lock sits in a pimpl: std::unique_ptr<Impl> with a std::mutex.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <memory>
#include <mutex>
class Mutex {
 public:
  Mutex() : impl_(new Impl) {}
  void Lock() { impl_->mu.lock(); }
  void Unlock() { impl_->mu.unlock(); }
 private:
  struct Impl {
    std::mutex mu;
  };
  std::unique_ptr<Impl> impl_;
};
class Counter {
 public:
  void Add() { mu_.Lock(); ++n_; mu_.Unlock(); }
  void Reset() { mu_.Lock(); n_ = 0; mu_.Unlock(); }
  int Get() const { return n_; }  // WARN
 private:
  Mutex mu_;
  int n_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, BoostUpgradeOwnership) {
  // An upgrade lock reads alongside readers; upgrade_to_unique_lock over it
  // writes alone.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
#include <shared_mutex>
namespace boost {
class shared_mutex {
 public:
  void lock() { m_.lock(); }
  void unlock() { m_.unlock(); }
  void lock_shared() { m_.lock_shared(); }
  void unlock_shared() { m_.unlock_shared(); }
  void lock_upgrade() { m_.lock_shared(); }
  void unlock_upgrade() { m_.unlock_shared(); }
  void unlock_upgrade_and_lock() { m_.unlock_shared(); m_.lock(); }
  void unlock_and_lock_upgrade() { m_.unlock(); m_.lock_shared(); }
 private:
  std::shared_mutex m_;
};
template <typename M>
class upgrade_lock {
 public:
  explicit upgrade_lock(M& m) : m_(&m) { m_->lock_upgrade(); }
  ~upgrade_lock() { m_->unlock_upgrade(); }
  M* m_;
};
template <typename M>
class upgrade_to_unique_lock {
 public:
  explicit upgrade_to_unique_lock(upgrade_lock<M>& u) : u_(&u) {
    u_->m_->unlock_upgrade_and_lock();
  }
  ~upgrade_to_unique_lock() { u_->m_->unlock_and_lock_upgrade(); }
 private:
  upgrade_lock<M>* u_;
};
}  // namespace boost
class Cache {
 public:
  void Put(int k, int v) {
    boost::upgrade_lock<boost::shared_mutex> upgrade(mu_);
    if (map_.count(k) > 0) return;
    boost::upgrade_to_unique_lock<boost::shared_mutex> exclusive(upgrade);
    map_[k] = v;
    ++puts_;
  }
  void Bump() {
    boost::upgrade_lock<boost::shared_mutex> upgrade(mu_);
    ++puts_;  // WARN
  }
  int Puts() {
    mu_.lock_shared();
    int n = puts_;
    mu_.unlock_shared();
    return n;
  }
 private:
  boost::shared_mutex mu_;
  std::map<int, int> map_;
  int puts_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, DerivedLockAndLockThroughAPointer) {
  // RocksDB: CacheAlignedInstrumentedMutex derives from InstrumentedMutex;
  // ErrorHandler holds the DB's mutex through a pointer and asserts it.
  EXPECT_FINDINGS_AT_MARKERS(WithPortMutex(R"code(
#include <atomic>
class InstrumentedMutex {
 public:
  void Lock() { mu_.Lock(); }
  void Unlock() { mu_.Unlock(); }
  void AssertHeld() {}
 private:
  port::Mutex mu_;
};
class alignas(64) CacheAlignedMutex : public InstrumentedMutex {};
class Db {
 public:
  void Write() { mutex_.Lock(); ++seq_; mutex_.Unlock(); }
  void Flush() { mutex_.Lock(); seq_ = 0; mutex_.Unlock(); }
  int Seq() { return seq_; }  // WARN
 private:
  CacheAlignedMutex mutex_;
  int seq_ = 0;
};
class ErrorHandler {
 public:
  void SetError(int e) {
    db_mutex_->AssertHeld();
    error_ = e;
  }
  void Clear() {
    db_mutex_->Lock();
    error_ = 0;
    db_mutex_->Unlock();
  }
  int Error() {
    db_mutex_->AssertHeld();
    return error_;
  }
  int Peek() { return error_; }  // WARN
 private:
  InstrumentedMutex* db_mutex_ = nullptr;
  int error_ = 0;
  std::atomic<bool> stopped_{false};
};
)code"),
                             kCheck);
}

TEST(UnguardedFieldLockTypes, BorrowedLockDoesNotGuardAJobsOwnFields) {
  // RocksDB's FlushJob: created, run and dropped by one background thread;
  // it holds the DB mutex it was lent around the DB's state, and works on
  // its own fields with the mutex released.
  EXPECT_FINDINGS_AT_MARKERS(WithPortMutex(R"code(
class InstrumentedMutex {
 public:
  void Lock() { mu_.Lock(); }
  void Unlock() { mu_.Unlock(); }
  void AssertHeld() {}
 private:
  port::Mutex mu_;
};
class FlushJob {
 public:
  explicit FlushJob(InstrumentedMutex* db_mutex) : db_mutex_(db_mutex) {}
  void Pick() {
    db_mutex_->AssertHeld();
    picked_ = 3;
    ++rounds_;
  }
  void Run() {
    db_mutex_->AssertHeld();
    db_mutex_->Unlock();
    int written = picked_ * 2;
    db_mutex_->Lock();
    rounds_ += written;
  }
  int Picked() const { return picked_; }
 private:
  InstrumentedMutex* db_mutex_;
  int picked_ = 0;
  int rounds_ = 0;
};
)code"),
                             kCheck);
}

TEST(UnguardedFieldLockTypes, GuardTemplatedOnItsMode) {
  // V8's SharedMutexGuard<kExclusive>: the mode is fixed per instantiation,
  // and the lock's members are named LockExclusive/LockShared.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
#include <shared_mutex>
class SharedMutex {
 public:
  void LockShared() { native_.lock_shared(); }
  void LockExclusive() { native_.lock(); }
  void UnlockShared() { native_.unlock_shared(); }
  void UnlockExclusive() { native_.unlock(); }
 private:
  std::shared_mutex native_;
};
enum Mode { kShared, kExclusive };
template <Mode kMode>
class SharedMutexGuard {
 public:
  explicit SharedMutexGuard(SharedMutex* mu) : mu_(mu) {
    if (kMode == kShared) {
      mu_->LockShared();
    } else {
      mu_->LockExclusive();
    }
  }
  ~SharedMutexGuard() {
    if (kMode == kShared) {
      mu_->UnlockShared();
    } else {
      mu_->UnlockExclusive();
    }
  }
 private:
  SharedMutex* const mu_;
};
class CodeMap {
 public:
  void Add(int at, int size) {
    SharedMutexGuard<kExclusive> guard(&mutex_);
    map_[at] = size;
  }
  void Remove(int at) {
    SharedMutexGuard<kExclusive> guard(&mutex_);
    map_.erase(at);
  }
  int Find(int at) {
    SharedMutexGuard<kShared> guard(&mutex_);
    auto it = map_.find(at);
    return it == map_.end() ? 0 : it->second;
  }
  void Poke(int at) {
    SharedMutexGuard<kShared> guard(&mutex_);
    map_[at] = 0;  // WARN
  }
  size_t size() const { return map_.size(); }  // WARN
 private:
  std::map<int, int> map_;
  SharedMutex mutex_;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, GuardGivenItsLockAfterConstruction) {
  // oneTBB: `scoped_lock lock; lock.acquire(m);`, and a release() that
  // unlocks.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <atomic>
class SpinMutex {
 public:
  void lock() { while (flag_.exchange(true)) {} }
  void unlock() { flag_.store(false); }
  class ScopedLock {
   public:
    ScopedLock() : mu_(nullptr) {}
    explicit ScopedLock(SpinMutex& m) : mu_(nullptr) { acquire(m); }
    ~ScopedLock() { if (mu_) release(); }
    void acquire(SpinMutex& m) { mu_ = &m; m.lock(); }
    void release() { mu_->unlock(); mu_ = nullptr; }
   private:
    SpinMutex* mu_;
  };
 private:
  std::atomic<bool> flag_{false};
};
class Histogram {
 public:
  void Record(double v) {
    SpinMutex::ScopedLock lock;
    lock.acquire(mu_);
    ++count_;
    lock.release();
    sum_ += v;  // WARN
  }
  void Reset() {
    SpinMutex::ScopedLock lock(mu_);
    count_ = 0;
    sum_ = 0;
  }
  double Sum() {
    SpinMutex::ScopedLock lock(mu_);
    return sum_ + count_;
  }
 private:
  SpinMutex mu_;
  long count_ = 0;
  double sum_ = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldLockTypes, GuardOverWrappersOfThePlatformLock) {
  // Node's ScopedLock calls Traits::mutex_lock, which calls uv_mutex_lock,
  // which calls pthread_mutex_lock.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <pthread.h>
#include <string>
typedef pthread_mutex_t uv_mutex_t;
static inline void uv_mutex_lock(uv_mutex_t* m) { pthread_mutex_lock(m); }
static inline void uv_mutex_unlock(uv_mutex_t* m) { pthread_mutex_unlock(m); }
struct Traits {
  static void mutex_lock(uv_mutex_t* m) { uv_mutex_lock(m); }
  static void mutex_unlock(uv_mutex_t* m) { uv_mutex_unlock(m); }
};
class Mutex {
 public:
  void Lock() { Traits::mutex_lock(&mu_); }
  void Unlock() { Traits::mutex_unlock(&mu_); }
  class ScopedLock {
   public:
    explicit ScopedLock(Mutex& m) : m_(m) { Traits::mutex_lock(&m_.mu_); }
    ~ScopedLock() { Traits::mutex_unlock(&m_.mu_); }
   private:
    Mutex& m_;
  };
 private:
  uv_mutex_t mu_;
};
class Reader {
 public:
  void Append(const std::string& data) {
    Mutex::ScopedLock lock(mu_);
    pending_ += data;
  }
  std::string Take() {
    Mutex::ScopedLock lock(mu_);
    std::string out;
    out.swap(pending_);
    return out;
  }
  size_t Pending() { return pending_.size(); }  // WARN
 private:
  Mutex mu_;
  std::string pending_;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
