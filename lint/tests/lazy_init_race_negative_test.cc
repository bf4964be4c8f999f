// concurrency-lazy-init-race, negative cases: no finding.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-lazy-init-race";

TEST(LazyInitRaceNegative, AbslCallOnce) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  int* Get() {
    absl::call_once(once_, [this] { table_ = new int(1); });
    return table_;
  }

 private:
  absl::once_flag once_;
  int* table_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, StdCallOnce) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  int* Get() {
    std::call_once(once_, [this] { table_ = new int(1); });
    return table_;
  }

 private:
  std::once_flag once_;
  int* table_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, MagicStatic) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Settings {
  int level = 1;
};
Settings* GlobalSettings() {
  static Settings* settings = new Settings();
  return settings;
}
const Settings& Defaults() {
  static const Settings defaults;
  return defaults;
}
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, InitUnderTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  int* Get() {
    absl::MutexLock l(&mu_);
    if (!table_) table_ = new int(1);
    return table_;
  }
  int* Get2() {
    std::lock_guard<std::mutex> g(m_);
    if (other_ == nullptr) other_ = new int(2);
    return other_;
  }

 private:
  absl::Mutex mu_;
  std::mutex m_;
  int* table_ = nullptr;
  int* other_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, AtomicDoubleCheckedLocking) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pool {
 public:
  int* Default() {
    int* p = default_.load(std::memory_order_acquire);
    if (p == nullptr) {
      absl::MutexLock l(&mu_);
      p = default_.load(std::memory_order_relaxed);
      if (p == nullptr) {
        p = new int(0);
        default_.store(p, std::memory_order_release);
      }
    }
    return p;
  }

 private:
  absl::Mutex mu_;
  std::atomic<int*> default_{nullptr};
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, SingleThreadedClass) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Parser {
 public:
  int* Scratch() {
    if (!scratch_) scratch_ = new int[32];
    return scratch_;
  }

 private:
  int* scratch_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, InitInConstructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Holder {
 public:
  Holder() {
    if (!value_) value_ = new int(3);
  }
  int Get() {
    absl::MutexLock l(&mu_);
    return *value_;
  }

 private:
  absl::Mutex mu_;
  int* value_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, StaticLocalInProgramWithoutThreads) {
  // No prelude: a translation unit that cannot see a thread or a lock.
  const std::string code = R"code(
struct Settings {
  int level = 1;
};
Settings* GlobalSettings() {
  static Settings* settings = nullptr;
  if (settings == nullptr) settings = new Settings();
  return settings;
}
)code";
  std::vector<Finding> findings = RunLint(code, kCheck);
  EXPECT_TRUE(findings.empty()) << Describe(findings);
}

TEST(LazyInitRaceNegative, Nolint) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  int* Get() {
    // NOLINTNEXTLINE(concurrency-lazy-init-race): only called from main()
    if (!table_) table_ = new int(1);
    return table_;
  }

 private:
  absl::Mutex mu_;
  int* table_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, EarlyReturnWithoutAssignment) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Sink {
 public:
  void Write(int v) {
    if (!out_) return;
    *out_ = v;
  }

 private:
  absl::Mutex mu_;
  int* out_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, BranchAssignsAnotherField) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Sink {
 public:
  void Write() {
    if (!out_) missing_ = true;
  }

 private:
  absl::Mutex mu_;
  int* out_ = nullptr;
  bool missing_ = false;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, ResetWhenSetIsNotLazyInit) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Sink {
 public:
  void Close() {
    absl::MutexLock l(&mu_);
    if (out_) out_ = nullptr;
  }

 private:
  absl::Mutex mu_;
  int* out_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, HelperThatRequiresTheLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  int* Get() {
    absl::MutexLock l(&mu_);
    return GetLocked();
  }

 private:
  int* GetLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (!table_) table_ = new int(1);
    return table_;
  }
  absl::Mutex mu_;
  int* table_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, AtomicFlag) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Codec {
 public:
  void Ensure() {
    if (!ready_) ready_ = true;
  }

 private:
  absl::Mutex mu_;
  std::atomic<bool> ready_{false};
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, NoThreadSafetyAnalysis) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  int* Get() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (!table_) table_ = new int(1);
    return table_;
  }

 private:
  absl::Mutex mu_;
  int* table_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, HelperOnlyCalledFromConstructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Catalog {
 public:
  Catalog() { Init(); }
  int Get() {
    absl::MutexLock l(&mu_);
    return *table_;
  }

 private:
  void Init() {
    if (!table_) table_ = new int(1);
  }
  absl::Mutex mu_;
  int* table_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, ReferenceCountedCopyOnWriteRep) {
  // absl::StatusRep: mutated only while uniquely owned; the atomic is a
  // reference count, not a sign of concurrent mutation.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Rep {
 public:
  void Ref() const { ref_.fetch_add(1); }
  void SetPayload(std::string p) {
    if (payloads_ == nullptr) payloads_ = std::make_unique<std::string>();
    *payloads_ = p;
  }
 private:
  mutable std::atomic<int> ref_{1};
  std::unique_ptr<std::string> payloads_;
};
)code",
                             kCheck);
}

TEST(LazyInitRaceNegative, InitUnderALockFromAnAccessor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Flag {
 public:
  void SetCallback() {
    absl::MutexLock l(DataGuard());
    if (callback_ == nullptr) callback_ = new int(0);
  }
 private:
  absl::Mutex* DataGuard() { return &guard_; }
  absl::Mutex guard_;
  int* callback_ = nullptr;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
