// concurrency-unguarded-field and scoped guards the lint knows by what they
// do: an unlock guard (a constructor that releases the lock it is handed and
// a destructor that takes it back, Chromium's AutoUnlock) opens a window
// without the lock for its scope only; an unannotated class whose
// constructor locks and whose destructor unlocks is a guard like
// std::lock_guard.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-unguarded-field";

// A lock and its two scoped helpers, annotated as Chromium's are.
constexpr char kAnnotatedLocks[] = R"code(
class __attribute__((capability("mutex"))) Lock {
 public:
  void Acquire() __attribute__((acquire_capability()));
  void Release() __attribute__((release_capability()));
};
class __attribute__((scoped_lockable)) AutoLock {
 public:
  explicit AutoLock(Lock& lock) __attribute__((acquire_capability(lock)))
      : lock_(lock) { lock_.Acquire(); }
  ~AutoLock() __attribute__((release_capability())) { lock_.Release(); }
 private:
  Lock& lock_;
};
class __attribute__((scoped_lockable)) AutoUnlock {
 public:
  explicit AutoUnlock(Lock& lock) __attribute__((release_capability(lock)))
      : lock_(lock) { lock_.Release(); }
  ~AutoUnlock() __attribute__((acquire_capability())) { lock_.Acquire(); }
 private:
  Lock& lock_;
};
)code";

TEST(UnguardedFieldUnlockGuard, InsideTheWindowIsUnlockedAfterItIsLocked) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kAnnotatedLocks) + R"code(
bool SlowProbe();
class Queue {
 public:
  bool Next() {
    AutoLock hold(lock_);
    if (pending_ == 0) return false;
    {
      AutoUnlock release(lock_);
      if (!SlowProbe()) {
        ++skipped_;  // WARN
        return false;
      }
    }
    --pending_;
    ++started_;
    return true;
  }
  int Skipped() {
    AutoLock hold(lock_);
    return skipped_;
  }
 private:
  Lock lock_;
  int pending_ __attribute__((guarded_by(lock_))) = 0;
  int started_ __attribute__((guarded_by(lock_))) = 0;
  int skipped_ __attribute__((guarded_by(lock_))) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldUnlockGuard, LocalsInsideTheWindowAreNoFinding) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kAnnotatedLocks) + R"code(
bool Write(const std::string& data);
class Store {
 public:
  bool Commit() {
    AutoLock hold(lock_);
    std::string data = buffer_;
    bool ok;
    {
      AutoUnlock release(lock_);
      ok = Write(data);
    }
    if (!ok) dirty_ = true;
    ++commits_;
    return ok;
  }
 private:
  Lock lock_;
  std::string buffer_ __attribute__((guarded_by(lock_)));
  bool dirty_ __attribute__((guarded_by(lock_))) = false;
  int commits_ __attribute__((guarded_by(lock_))) = 0;
};
)code",
                             kCheck);
}

TEST(UnguardedFieldUnlockGuard, AnUnannotatedGuardIsKnownByWhatItDoes) {
  // No attributes on the guard: its constructor locks a std::mutex and its
  // destructor unlocks it, so the accesses in its scope hold the mutex, and
  // the one outside does not.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Hold {
 public:
  explicit Hold(std::mutex* mu) : mu_(mu) { mu_->lock(); }
  ~Hold() { mu_->unlock(); }
 private:
  std::mutex* mu_;
};
class Meter {
 public:
  void Add(int n) {
    Hold hold(&mu_);
    total_ += n;
  }
  void Reset() {
    Hold hold(&mu_);
    total_ = 0;
  }
  int Total() {
    Hold hold(&mu_);
    return total_;
  }
  int Peek() const { return total_; }  // WARN
 private:
  mutable std::mutex mu_;
  int total_ = 0;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
