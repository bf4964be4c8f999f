// concurrency-lazy-init-race, positive cases: a finding on each "// WARN"
// line.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-lazy-init-race";

TEST(LazyInitRacePositive, NullPointerTestThenAssign) {
  const std::string code = R"code(
struct Table {
  int rows = 0;
};
class Catalog {
 public:
  Table* Get() {
    if (!table_) table_ = new Table();  // WARN
    return table_;
  }

 private:
  absl::Mutex mu_;
  Table* table_ = nullptr;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(
      findings[0].message,
      "lazy initialization of 'table_' in 'Catalog::Get' is not synchronized: "
      "two threads can both see it unset and both initialize it");
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_EQ(
      findings[0].notes[0].message,
      "hold 'mu_' across both the check and the assignment, or initialize it "
      "once with absl::call_once");
}

TEST(LazyInitRacePositive, EqualsNullptr) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Loader {
 public:
  int* Data() {
    if (data_ == nullptr) {  // WARN
      data_ = new int[16]();
    }
    return data_;
  }

 private:
  std::mutex m_;
  int* data_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, NullptrOnTheLeft) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Loader {
 public:
  int* Data() {
    if (nullptr == data_) data_ = new int(1);  // WARN
    return data_;
  }

 private:
  std::atomic<int> uses_{0};
  int* data_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, UniquePtrAssignedMakeUnique) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Impl {
  int x = 0;
};
class Facade {
 public:
  Impl& impl() {
    if (!impl_) impl_ = std::make_unique<Impl>();  // WARN
    return *impl_;
  }

 private:
  absl::Mutex mu_;
  std::unique_ptr<Impl> impl_;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, UniquePtrReset) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Impl {
  int x = 0;
};
class Facade {
 public:
  Impl* impl() {
    if (impl_ == nullptr) impl_.reset(new Impl);  // WARN
    return impl_.get();
  }

 private:
  absl::Mutex mu_;
  std::unique_ptr<Impl> impl_;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, InitedFlag) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Codec {
 public:
  int Encode(int v) {
    if (!inited_) {  // WARN
      BuildTables();
      inited_ = true;
    }
    return table_[v & 3];
  }

 private:
  void BuildTables() {
    for (int i = 0; i < 4; ++i) table_[i] = i * i;
  }
  std::mutex m_;
  bool inited_ = false;
  int table_[4] = {};
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, FlagComparedWithFalse) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Codec {
 public:
  void Ensure() {
    if (ready_ == false) {  // WARN
      ready_ = true;
    }
  }

 private:
  absl::Mutex mu_;
  bool ready_ = false;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, DoubleCheckedLockingOnPlainPointer) {
  const std::string code = R"code(
struct Conn {
  int fd = -1;
};
class Pool {
 public:
  Conn* Default() {
    if (default_ == nullptr) {  // WARN
      absl::MutexLock l(&mu_);
      if (default_ == nullptr) default_ = new Conn();
    }
    return default_;
  }

 private:
  absl::Mutex mu_;
  Conn* default_ = nullptr;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(
      findings[0].message,
      "double-checked locking on non-atomic 'default_': the unlocked first "
      "check races with the locked write");
}

TEST(LazyInitRacePositive, DoubleCheckedLockingWithStdMutex) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Registry {
 public:
  std::vector<int>* Items() {
    if (!items_) {  // WARN
      std::lock_guard<std::mutex> g(m_);
      if (!items_) items_ = new std::vector<int>();
    }
    return items_;
  }

 private:
  std::mutex m_;
  std::vector<int>* items_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, StaticLocalPointer) {
  const std::string code = R"code(
struct Settings {
  int level = 1;
};
Settings* GlobalSettings() {
  static Settings* settings = nullptr;
  if (settings == nullptr) settings = new Settings();  // WARN
  return settings;
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  EXPECT_NE(Lint(code, kCheck)[0].notes[0].message.find(
                "static T* settings = new T(...);"),
            std::string::npos);
}

TEST(LazyInitRacePositive, StaticLocalFlag) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void RegisterHandlers();
void EnsureHandlers() {
  static bool registered = false;
  if (!registered) {  // WARN
    RegisterHandlers();
    registered = true;
  }
}
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, OptionalEmplacedOnFirstUse) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Env {
 public:
  const std::string& Home() {
    if (!home_.has_value()) home_.emplace("/home");  // WARN
    return *home_;
  }

 private:
  std::mutex m_;
  std::optional<std::string> home_;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, InsideALambdaOnAnotherThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Job {
 public:
  std::thread Run() {
    return std::thread([this] {
      if (!buffer_) buffer_ = new char[64];  // WARN
    });
  }

 private:
  char* buffer_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, ClassOwningAThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Poller {
 public:
  int* State() {
    if (state_ == NULL) state_ = new int(0);  // WARN
    return state_;
  }

 private:
  std::thread thread_;
  int* state_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, ClassWithConditionVariable) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Waiter {
 public:
  void Prepare() {
    if (!slots_) { slots_ = new int[8](); }  // WARN
  }

 private:
  std::condition_variable cv_;
  int* slots_ = nullptr;
};
)code",
                             kCheck);
}

TEST(LazyInitRacePositive, LockReleasedBeforeTheCheck) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Lazy {
 public:
  int* Get() {
    {
      absl::MutexLock l(&mu_);
      ++calls_;
    }
    if (!value_) value_ = new int(7);  // WARN
    return value_;
  }

 private:
  absl::Mutex mu_;
  int calls_ = 0;
  int* value_ = nullptr;
};
)code",
                             kCheck);
}

// A constructor runs before the object is shared, but a callback it
// registers runs later, on the executor's threads: its lazy initialisation
// is judged as any method's.
TEST(LazyInitRacePositive, InACallbackTheConstructorRegisters) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <functional>
#include <memory>
#include <mutex>
struct Filter { int Apply(int x); };
struct Subscription {};
struct Node {
  std::shared_ptr<Subscription> create_subscription(std::function<void(int)> callback);
};
class ScanNode : public Node {
 public:
  ScanNode() {
    if (!table_) table_ = std::make_unique<Filter>();
    sub_ = create_subscription([this](int scan) {
      if (!filter_) {  // WARN
        filter_ = std::make_unique<Filter>();
      }
      std::lock_guard<std::mutex> lock(mu_);
      last_ = filter_->Apply(scan);
    });
  }
 private:
  std::shared_ptr<Subscription> sub_;
  std::unique_ptr<Filter> table_;
  std::unique_ptr<Filter> filter_;
  std::mutex mu_;
  int last_ = 0;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
