// The lockset analysis: the Lockset lattice itself, and the locks
// FunctionAnalyzer / TranslationUnitAnalysis find held at each field access
// of real parsed code.
#include "lint/analysis/lockset.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/analysis/function_analyzer.h"
#include "lint/analysis/lock_model.h"
#include "lint/analysis/tests/parsed_code.h"
#include "lint/analysis/translation_unit_analysis.h"

namespace lockstep::lint::testing {
namespace {

// An annotated mutex, as Abseil's and most code bases' are.
constexpr char kMutex[] = R"code(
class __attribute__((capability("mutex"))) Mutex {
 public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
  bool TryLock() __attribute__((try_acquire_capability(true)));
};
)code";

// The accesses to field `field` (by name) that `analysis` recorded, in
// source order (the analysis records them in its CFG's block order).
std::vector<const FieldAccess*> AccessesTo(
    const TranslationUnitAnalysis& analysis, const std::string& field) {
  std::vector<const FieldAccess*> found;
  for (const FieldAccess& access : analysis.results().accesses) {
    if (access.field->getName() == field) found.push_back(&access);
  }
  std::sort(found.begin(), found.end(),
            [](const FieldAccess* a, const FieldAccess* b) {
              return a->expr->getMemberLoc() < b->expr->getMemberLoc();
            });
  return found;
}

std::vector<std::string> HeldKeys(const Lockset& lockset) {
  std::vector<std::string> keys;
  for (const auto& [key, exclusive] : lockset.held()) keys.push_back(key);
  return keys;
}

// ------------------------------------------------------------ the lattice

TEST(Lockset, AcquireAndRelease) {
  Lockset locks;
  EXPECT_TRUE(locks.empty());
  locks.Acquire("this.C::mu_", /*exclusive=*/false);
  EXPECT_TRUE(locks.Holds("this.C::mu_"));
  EXPECT_FALSE(locks.HoldsExclusive("this.C::mu_"));
  locks.Acquire("this.C::mu_", /*exclusive=*/true);  // upgrades
  EXPECT_TRUE(locks.HoldsExclusive("this.C::mu_"));
  locks.Acquire("this.C::mu_", /*exclusive=*/false);  // never downgrades
  EXPECT_TRUE(locks.HoldsExclusive("this.C::mu_"));
  locks.Release("this.C::mu_");
  EXPECT_FALSE(locks.Holds("this.C::mu_"));
  EXPECT_TRUE(locks.released().empty());  // a guard's release is no window
}

TEST(Lockset, ExplicitReleaseIsRememberedUntilRetaken) {
  Lockset locks;
  locks.ReleaseExplicitly("global:g_mu");  // not held: nothing to remember
  EXPECT_TRUE(locks.released().empty());
  locks.Acquire("global:g_mu", true);
  locks.ReleaseExplicitly("global:g_mu");
  EXPECT_FALSE(locks.Holds("global:g_mu"));
  EXPECT_EQ(locks.released().count("global:g_mu"), 1u);
  locks.Acquire("global:g_mu", true);
  EXPECT_TRUE(locks.released().empty());
}

TEST(Lockset, IntersectKeepsWhatBothPathsHold) {
  Lockset a;
  a.Acquire("a", true);
  a.Acquire("b", true);
  a.Acquire("c", false);
  Lockset b;
  b.Acquire("b", false);
  b.Acquire("c", true);
  b.Acquire("d", true);
  b.ReleaseExplicitly("d");
  a.IntersectWith(b);
  EXPECT_EQ(HeldKeys(a), (std::vector<std::string>{"b", "c"}));
  EXPECT_FALSE(a.HoldsExclusive("b"));  // shared on one path
  EXPECT_FALSE(a.HoldsExclusive("c"));
  EXPECT_EQ(a.released().count("d"), 1u);  // released on either path
}

TEST(Lockset, SharesLockWithAndEquality) {
  Lockset a;
  a.Acquire("x", true);
  Lockset b;
  b.Acquire("y", true);
  EXPECT_FALSE(a.SharesLockWith(b));
  b.Acquire("x", false);
  EXPECT_TRUE(a.SharesLockWith(b));
  EXPECT_TRUE(b.SharesLockWith(a));
  Lockset c = a;
  EXPECT_EQ(a, c);
  c.Acquire("x", false);
  EXPECT_EQ(a, c);  // already exclusive
  c.ReleaseExplicitly("x");
  EXPECT_NE(a, c);
}

// ---------------------------------------------------------- the analysis

TEST(LocksetAnalysis, ScopedGuardHoldsUntilItsScopeEnds) {
  ParsedCode code(R"code(
class Counter {
 public:
  void Add() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      count_ += 1;
    }
    count_ += 2;
  }
 private:
  std::mutex mu_;
  int count_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  std::vector<const FieldAccess*> accesses = AccessesTo(analysis, "count_");
  ASSERT_EQ(accesses.size(), 2u);
  EXPECT_EQ(HeldKeys(accesses[0]->held),
            (std::vector<std::string>{"this.Counter::mu_"}));
  EXPECT_TRUE(accesses[0]->held.HoldsExclusive("this.Counter::mu_"));
  EXPECT_TRUE(accesses[0]->is_write);
  EXPECT_TRUE(accesses[1]->held.empty());
  EXPECT_EQ(accesses[0]->context.named_function, code.Function("Counter::Add"));
}

TEST(LocksetAnalysis, UniqueLockUnlockAndRelock) {
  ParsedCode code(R"code(
class Cache {
 public:
  int Get() {
    std::unique_lock<std::mutex> lock(mu_);
    int a = size_;
    lock.unlock();
    int b = size_;
    lock.lock();
    return a + b + size_;
  }
 private:
  std::mutex mu_;
  int size_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  std::vector<const FieldAccess*> accesses = AccessesTo(analysis, "size_");
  ASSERT_EQ(accesses.size(), 3u);
  EXPECT_TRUE(accesses[0]->held.Holds("this.Cache::mu_"));
  EXPECT_FALSE(accesses[1]->held.Holds("this.Cache::mu_"));
  EXPECT_EQ(accesses[1]->in_unlock_window.count("this.Cache::mu_"), 1u);
  EXPECT_TRUE(accesses[2]->held.Holds("this.Cache::mu_"));
  EXPECT_FALSE(accesses[0]->is_write);
}

TEST(LocksetAnalysis, LockOnOneBranchIsNotHeldAfterTheJoin) {
  ParsedCode code(std::string(kMutex) + R"code(
class Table {
 public:
  void Put(bool locked) {
    if (locked) {
      mu_.Lock();
      rows_ = 1;
    } else {
      rows_ = 2;
    }
    rows_ = 3;
    if (locked) mu_.Unlock();
  }
 private:
  Mutex mu_;
  int rows_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  std::vector<const FieldAccess*> accesses = AccessesTo(analysis, "rows_");
  ASSERT_EQ(accesses.size(), 3u);
  EXPECT_TRUE(accesses[0]->held.Holds("this.Table::mu_"));
  EXPECT_TRUE(accesses[1]->held.empty());
  EXPECT_TRUE(accesses[2]->held.empty());
}

TEST(LocksetAnalysis, TryLockHoldsOnTheSuccessEdgeOnly) {
  ParsedCode code(std::string(kMutex) + R"code(
class Stats {
 public:
  void Bump() {
    if (mu_.TryLock()) {
      hits_++;
      mu_.Unlock();
    } else {
      misses_++;
    }
  }
 private:
  Mutex mu_;
  int hits_ = 0;
  int misses_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  ASSERT_EQ(AccessesTo(analysis, "hits_").size(), 1u);
  ASSERT_EQ(AccessesTo(analysis, "misses_").size(), 1u);
  EXPECT_TRUE(AccessesTo(analysis, "hits_")[0]->held.Holds("this.Stats::mu_"));
  EXPECT_TRUE(AccessesTo(analysis, "misses_")[0]->held.empty());
}

TEST(LocksetAnalysis, RequiresAndPrivateHelpersStartWithTheirCallersLocks) {
  ParsedCode code(std::string(kMutex) + R"code(
class Journal {
 public:
  void Append() {
    mu_.Lock();
    Grow();
    mu_.Unlock();
  }
  void Flush() __attribute__((requires_capability(mu_))) { entries_ = 0; }

 private:
  void Grow() { entries_++; }
  Mutex mu_;
  int entries_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  std::vector<const FieldAccess*> accesses = AccessesTo(analysis, "entries_");
  ASSERT_EQ(accesses.size(), 2u);
  for (const FieldAccess* access : accesses) {
    EXPECT_TRUE(access->held.Holds("this.Journal::mu_"))
        << FunctionDisplayName(access->context.named_function);
    EXPECT_TRUE(access->entry_held.Holds("this.Journal::mu_"));
  }
}

TEST(LocksetAnalysis, DeferredLambdasStartUnlockedAndInPlaceOnesInherit) {
  ParsedCode code(R"code(
class Worker {
 public:
  void Start() {
    std::lock_guard<std::mutex> lock(mu_);
    [this] { state_ = 1; }();
    thread_ = std::thread([this] { state_ = 2; });
  }
 private:
  std::mutex mu_;
  int state_ = 0;
  std::thread thread_;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  std::vector<const FieldAccess*> accesses = AccessesTo(analysis, "state_");
  ASSERT_EQ(accesses.size(), 2u);
  const FieldAccess* in_place =
      accesses[0]->context.deferred ? accesses[1] : accesses[0];
  const FieldAccess* deferred =
      accesses[0]->context.deferred ? accesses[0] : accesses[1];
  EXPECT_TRUE(in_place->context.in_lambda);
  EXPECT_FALSE(in_place->context.deferred);
  EXPECT_TRUE(in_place->held.Holds("this.Worker::mu_"));
  EXPECT_TRUE(deferred->context.deferred);
  EXPECT_TRUE(deferred->held.empty());
  std::vector<const clang::LambdaExpr*> lambdas =
      code.Lambdas(code.Function("Worker::Start"));
  ASSERT_EQ(lambdas.size(), 2u);
  EXPECT_EQ(deferred->context.deferred_lambda, lambdas[1]);
}

TEST(LocksetAnalysis, ConstructorsAndTheirHelpersAreInitOnly) {
  ParsedCode code(R"code(
class Config {
 public:
  Config() { Load(); }
  void Reload() { std::lock_guard<std::mutex> lock(mu_); value_ = 2; }
 private:
  void Load() { value_ = 1; }
  std::mutex mu_;
  int value_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  std::vector<const FieldAccess*> accesses = AccessesTo(analysis, "value_");
  ASSERT_EQ(accesses.size(), 2u);
  for (const FieldAccess* access : accesses) {
    bool in_load =
        access->context.named_function == code.Function("Config::Load");
    EXPECT_EQ(access->context.init_only, in_load);
  }
  EXPECT_TRUE(analysis.uses_threads());
}

TEST(LocksetAnalysis, LocksetAtEveryReference) {
  ParsedCode code(R"code(
std::mutex g_mu;
int g_total = 0;
void Add(int n) {
  g_mu.lock();
  g_total += n;
  g_mu.unlock();
  g_total -= n;
}
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitAnalysis analysis(code.context());
  std::vector<const clang::DeclRefExpr*> refs =
      code.Refs(code.Function("Add"), "g_total");
  ASSERT_EQ(refs.size(), 2u);
  const auto& lockset_at = analysis.results().lockset_at;
  ASSERT_EQ(lockset_at.count(refs[0]), 1u);
  ASSERT_EQ(lockset_at.count(refs[1]), 1u);
  EXPECT_TRUE(lockset_at.find(refs[0])->second.Holds("global:g_mu"));
  EXPECT_TRUE(lockset_at.find(refs[1])->second.empty());
  EXPECT_EQ(analysis.functions().size(), 1u);
}

}  // namespace
}  // namespace lockstep::lint::testing
