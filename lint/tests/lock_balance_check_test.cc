// concurrency-lock-balance and the clang side of concurrency-unguarded-field:
// what clang's own thread-safety analysis proves from annotations, reported
// through the lint whatever the build's flags, and the cases where the
// lint's lockset overrules it.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-lock-balance";

TEST(LockBalance, DoubleAcquireAndLockHeldAtTheEnd) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Account {
 public:
  void Twice() {
    mu_.Lock();
    mu_.Lock();  // WARN
    mu_.Unlock();
  }
  void Leak() { mu_.Lock(); }  // WARN
  void Balanced() {
    mu_.Lock();
    ++n_;
    mu_.Unlock();
  }
 private:
  absl::Mutex mu_;
  int n_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

TEST(LockBalance, ReleaseOfALockNotHeldAndHeldOnOnlyOnePath) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Queue {
 public:
  void Drop() { mu_.Unlock(); }  // WARN
  void Maybe(bool b) {
    if (b) mu_.Lock();
    ++n_;  // WARN
  }
 private:
  absl::Mutex mu_;
  int n_ = 0;
};
)code",
                             kCheck);
}

TEST(LockBalance, ScopedGuardsAndReaderLocksAreBalanced) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Table {
 public:
  int Get() {
    absl::ReaderMutexLock l(&mu_);
    return n_;
  }
  void Set(int n) {
    absl::MutexLock l(&mu_);
    n_ = n;
  }
 private:
  absl::Mutex mu_;
  int n_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             kCheck);
}

// clang reads ACQUIRE() on an unlock guard's destructor as acquiring the
// guard itself, and warns on every function that uses it; the code is right.
constexpr char kMisannotatedUnlockGuard[] = R"code(
class ABSL_SCOPED_LOCKABLE Unlocker {
 public:
  explicit Unlocker(absl::Mutex& mu) ABSL_UNLOCK_FUNCTION(mu) : mu_(mu) {
    mu_.Unlock();
  }
  ~Unlocker() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mu_.Lock(); }
 private:
  absl::Mutex& mu_;
};
class Store {
 public:
  void Commit() {
    absl::MutexLock l(&mu_);
    int snapshot = n_;
    {
      Unlocker unlock(mu_);
      Write(snapshot);
    }
    ++commits_;
  }
 private:
  static void Write(int) {}
  absl::Mutex mu_;
  int n_ ABSL_GUARDED_BY(mu_) = 0;
  int commits_ ABSL_GUARDED_BY(mu_) = 0;
};
)code";

TEST(LockBalance, UnlockGuardThatClangMisreadsIsLeftOut) {
  EXPECT_FINDINGS_AT_MARKERS(kMisannotatedUnlockGuard, kCheck);
  EXPECT_FINDINGS_AT_MARKERS(kMisannotatedUnlockGuard,
                             "concurrency-unguarded-field");
}

TEST(LockBalance, DisagreementsAreReportedOnRequest) {
  const std::string code = std::string(kPrelude) + kMisannotatedUnlockGuard;
  std::vector<Finding> findings = RunLint(
      code, "concurrency-lock-balance,concurrency-unguarded-field", {},
      {{"concurrency-lock-balance.ReportClangDisagreements", "true"},
       {"concurrency-unguarded-field.ReportClangDisagreements", "true"}});
  ASSERT_FALSE(findings.empty());
  bool saw_access = false;
  for (const Finding& finding : findings) {
    EXPECT_NE(finding.message.find("the lint disagrees"), std::string::npos)
        << Describe(findings);
    if (finding.check == "concurrency-unguarded-field") {
      saw_access = true;
      EXPECT_NE(finding.message.find("lockset holds"), std::string::npos)
          << Describe(findings);
    }
  }
  EXPECT_TRUE(saw_access) << Describe(findings);
}

TEST(ClangThreadSafety, CallToARequiresHelperWithoutTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Account {
 public:
  void Deposit(int n) {
    absl::MutexLock l(&mu_);
    AddLocked(n);
  }
  void Refund(int n) { AddLocked(-n); }  // WARN
 private:
  void AddLocked(int n) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { balance_ += n; }
  absl::Mutex mu_;
  int balance_ ABSL_GUARDED_BY(mu_) = 0;
};
)code",
                             "concurrency-unguarded-field");
}

TEST(ClangThreadSafety, GuardedGlobalAndPassByReference) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
absl::Mutex g_mu;
int g_count ABSL_GUARDED_BY(g_mu) = 0;
void Bump(int& n) { ++n; }
void Count() {
  Bump(g_count);  // WARN
}
int Read() {
  absl::MutexLock l(&g_mu);
  return g_count;
}
)code",
                             "concurrency-unguarded-field");
}

}  // namespace
}  // namespace lockstep::lint::testing
