// concurrency-closure-captures-mutable: positive cases (a finding on each
// "// WARN" line) and negative cases, including the near misses of
// ARCHITECTURE.md: value captures, guarded-and-locked fields, atomics,
// immutable fields, joined threads, lambdas that run in place.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-closure-captures-mutable";

// ---------------------------------------------------------------- positive

TEST(ClosureCapturesMutablePositive, StoredCallbackReadsFieldCleanupWrites) {
  // The seed's bug: the crash-message closure captures the session and reads
  // its log file name while cleanup changes it under a lock.
  const std::string code = R"code(
class Session {
 public:
  void Start() {
    crash_message_ = [this] { return "died; log " + log_path_; };  // WARN
  }
  void Cleanup() {
    std::lock_guard<std::mutex> l(mu_);
    log_path_.clear();
  }
 private:
  std::mutex mu_;
  std::string log_path_;
  std::function<std::string()> crash_message_;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "field 'log_path_' is read in a lambda that captures 'this' and "
            "runs later or on another thread (created in 'Session::Start'), "
            "and written in 'Session::Cleanup' with no lock held in common");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message, "'log_path_' is written here");
  EXPECT_EQ(findings[0].notes[0].line, findings[0].line + 4);
  EXPECT_EQ(findings[0].notes[1].message,
            "capture the value the closure needs when it is created "
            "([log_path = log_path_]), or hold one mutex at both places and "
            "declare it with ABSL_GUARDED_BY");
}

TEST(ClosureCapturesMutablePositive, ThreadLambdaWritesFieldOthersWrite) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Monitor {
 public:
  void Start() { thread_ = std::thread([this] { ++restarts_; }); }  // WARN
  void Reset() { restarts_ = 0; }
  ~Monitor() { thread_.join(); }
 private:
  int restarts_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, ThreadLambdaReadsFieldMethodWrites) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Poller {
 public:
  void Start() {
    thread_ = std::thread([this] {
      for (int i = 0; i < 10; ++i) Poll(interval_ms_);  // WARN
    });
  }
  void SetInterval(int ms) { interval_ms_ = ms; }
  ~Poller() { thread_.join(); }
 private:
  void Poll(int) {}
  int interval_ms_ = 10;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, MemberFunctionStartedWithThis) {
  const std::string code = R"code(
class Worker {
 public:
  void Start() { t_ = std::thread(&Worker::Run, this); }
  void Set(int n) { n_ = n; }
  void Stop() { t_.join(); }
 private:
  void Run() { total_ += n_; }  // WARN
  int n_ = 0;
  int total_ = 0;
  std::thread t_;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "field 'n_' is read in 'Worker::Run', which runs later or on "
            "another thread (handed off with 'this' in 'Worker::Start'), and "
            "written in 'Worker::Set' with no lock held in common");
}

TEST(ClosureCapturesMutablePositive, BindWithThisStoredAsCallback) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Ticker {
 public:
  void Arm() { on_tick_ = std::bind(&Ticker::Tick, this); }
  void Rename(std::string name) { name_ = std::move(name); }
 private:
  void Tick() { last_ = name_; }  // WARN
  std::string name_;
  std::string last_;
  std::function<void()> on_tick_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, AsyncWithMemberFunction) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <future>
class Loader {
 public:
  std::future<void> Load() { return std::async(&Loader::Fill, this); }
  size_t Count() { return items_.size(); }
 private:
  void Fill() { items_.push_back(1); }  // WARN
  std::vector<int> items_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, ExecutorSubmitLambda) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Executor {
  void Submit(std::function<void()> task) { tasks.push_back(std::move(task)); }
  std::vector<std::function<void()>> tasks;
};
class Indexer {
 public:
  void Refresh(Executor& executor) {
    executor.Submit([this] { generation_++; });  // WARN
  }
  int Generation() { return generation_; }
 private:
  int generation_ = 0;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, LockedOnOneSideOnly) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Stats {
 public:
  void Start() {
    thread_ = std::thread([this] {
      std::lock_guard<std::mutex> l(mu_);
      samples_.push_back(1);  // WARN
    });
  }
  void Clear() { samples_.clear(); }
  ~Stats() { thread_.join(); }
 private:
  std::mutex mu_;
  std::vector<int> samples_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, DifferentLocksOnEachSide) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Two {
 public:
  void Start() {
    thread_ = std::thread([this] {
      std::lock_guard<std::mutex> l(a_);
      value_ = 1;  // WARN
    });
  }
  void Set() {
    std::lock_guard<std::mutex> l(b_);
    value_ = 2;
  }
  ~Two() { thread_.join(); }
 private:
  std::mutex a_, b_;
  int value_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, ImplicitThisCaptureByDefault) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Reporter {
 public:
  void Start() {
    thread_ = std::thread([&] { Send(status_); });  // WARN
  }
  void Update(std::string s) { status_ = std::move(s); }
  ~Reporter() { thread_.join(); }
 private:
  void Send(const std::string&) {}
  std::string status_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive,
     LocalCapturedByReferenceWrittenWhileRunning) {
  const std::string code = R"code(
int Count() {
  int count = 0;
  std::thread t([&] { ++count; });  // WARN
  count = 5;
  t.join();
  return count;
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "local 'count' is captured by reference by a lambda that runs "
            "later or on another thread and written there, while 'Count' "
            "writes it with no lock held in common");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message,
            "'count' is written here, before the thread is joined");
}

TEST(ClosureCapturesMutablePositive, LocalReadWhileThreadWrites) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
bool Wait() {
  bool done = false;
  std::thread t([&] { done = true; });  // WARN
  while (!done) {
  }
  t.join();
  return done;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, LambdaStartedInLoopWritesSharedLocal) {
  const std::string code = R"code(
int Sum() {
  int sum = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&sum, i] { sum += i; });  // WARN
  for (auto& t : threads) t.join();
  return sum;
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "local 'sum' is captured by reference by a lambda that is started "
            "in a loop and written there: every copy that runs writes it with "
            "no lock held");
}

TEST(ClosureCapturesMutablePositive, StoredInGlobalRegistry) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
std::vector<std::function<void()>> g_callbacks;
class Plugin {
 public:
  void Register() {
    g_callbacks.push_back(std::function<void()>([this] { ++calls_; }));  // WARN
  }
  void Reset() { calls_ = 0; }
 private:
  int calls_ = 0;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, TwoClosuresOneFieldEachReported) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pair {
 public:
  void Start() {
    a_ = std::thread([this] { ++hits_; });  // WARN
    b_ = std::thread([this] { ++hits_; });  // WARN
  }
  ~Pair() {
    a_.join();
    b_.join();
  }
 private:
  int hits_ = 0;
  std::thread a_, b_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, AbslMutexOnOneSideOnly) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Cache {
 public:
  void Start() {
    thread_ = std::thread([this] {
      absl::MutexLock l(&mu_);
      size_ = 0;  // WARN
    });
  }
  int Size() const { return size_; }
  ~Cache() { thread_.join(); }
 private:
  mutable absl::Mutex mu_;
  int size_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

// ---------------------------------------------------------------- negative

TEST(ClosureCapturesMutableNegative, CapturesValueNotThis) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Session {
 public:
  void Start() {
    crash_message_ = [path = log_path_] { return "died; log " + path; };
  }
  void Cleanup() { log_path_.clear(); }
 private:
  std::string log_path_;
  std::function<std::string()> crash_message_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, CommonLockOnBothSides) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Stats {
 public:
  void Start() {
    thread_ = std::thread([this] {
      std::lock_guard<std::mutex> l(mu_);
      samples_.push_back(1);
    });
  }
  void Clear() {
    std::lock_guard<std::mutex> l(mu_);
    samples_.clear();
  }
  ~Stats() { thread_.join(); }
 private:
  std::mutex mu_;
  std::vector<int> samples_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, AtomicField) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Monitor {
 public:
  void Start() { thread_ = std::thread([this] { ++restarts_; }); }
  void Reset() { restarts_ = 0; }
  ~Monitor() { thread_.join(); }
 private:
  std::atomic<int> restarts_{0};
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ImmutableField) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Greeter {
 public:
  explicit Greeter(std::string name) : name_(std::move(name)) {}
  void Start() { thread_ = std::thread([this] { Say(name_); }); }
  ~Greeter() { thread_.join(); }
 private:
  void Say(const std::string&) {}
  const std::string name_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, WrittenOnlyInConstructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Greeter {
 public:
  explicit Greeter(int n) { n_ = n; }
  void Start() { thread_ = std::thread([this] { Use(n_); }); }
  ~Greeter() { thread_.join(); }
 private:
  void Use(int) {}
  int n_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, WrittenBeforeThreadStarts) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Job {
 public:
  void Start(int n) {
    limit_ = n;
    thread_ = std::thread([this] { Run(limit_); });
  }
  ~Job() { thread_.join(); }
 private:
  void Run(int) {}
  int limit_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, WrittenAfterJoin) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Job {
 public:
  void Start() { thread_ = std::thread([this] { ++runs_; }); }
  void Stop() {
    thread_.join();
    runs_ = 0;
  }
 private:
  int runs_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LambdaRunsInPlace) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <algorithm>
class Sorter {
 public:
  void Sort() {
    std::sort(items_.begin(), items_.end(),
              [this](int a, int b) { return descending_ ? a > b : a < b; });
  }
  void SetDescending(bool d) { descending_ = d; }
 private:
  std::vector<int> items_;
  bool descending_ = false;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, DeclaredGuardLeftToUnguardedFieldCheck) {
  // clang's -Wthread-safety and concurrency-unguarded-field own annotated
  // fields; this check does not report them a second time.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Session {
 public:
  void Start() {
    crash_message_ = [this] { return "died; log " + log_path_; };
  }
  void Cleanup() {
    absl::MutexLock l(&mu_);
    log_path_.clear();
  }
 private:
  absl::Mutex mu_;
  std::string log_path_ ABSL_GUARDED_BY(mu_);
  std::function<std::string()> crash_message_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, FieldOnlyTouchedByTheThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pump {
 public:
  void Start() { thread_ = std::thread([this] { for (int i = 0; i < 3; ++i) ++pumped_; }); }
  ~Pump() { thread_.join(); }
 private:
  int pumped_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ReadsOnBothSides) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Config {
 public:
  explicit Config(int port) : port_(port) {}
  void Start() { thread_ = std::thread([this] { Listen(port_); }); }
  int Port() { return port_; }
  ~Config() { thread_.join(); }
 private:
  void Listen(int) {}
  int port_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LocalCapturedByValue) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Count() {
  int count = 0;
  std::thread t([count]() mutable { ++count; });
  count = 5;
  t.join();
  return count;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LocalReadOnlyAfterJoin) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Count() {
  int count = 0;
  std::thread t([&] { ++count; });
  t.join();
  return count;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LoopThreadsWriteUnderLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Sum() {
  int sum = 0;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      std::lock_guard<std::mutex> l(mu);
      sum += i;
    });
  }
  for (auto& t : threads) t.join();
  return sum;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, AtomicLocalCapturedByReference) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Sum() {
  std::atomic<int> sum{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&sum, i] { sum += i; });
  for (auto& t : threads) t.join();
  return sum;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ProgramWithoutThreads) {
  // Nothing in the translation unit can run on another thread.
  EXPECT_EQ(Describe(RunLint(R"code(
#include <functional>
#include <string>
class Session {
 public:
  void Start() { crash_message_ = [this] { return log_path_; }; }
  void Cleanup() { log_path_.clear(); }
 private:
  std::string log_path_;
  std::function<std::string()> crash_message_;
};
)code",
                             std::string(kCheck) + ",clang-diagnostic-error")),
            "");
}

TEST(ClosureCapturesMutableNegative, ThreadConfinedByComment) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Monitor {
 public:
  void Start() { thread_ = std::thread([this] { ++restarts_; }); }
  void Reset() { restarts_ = 0; }
  ~Monitor() { thread_.join(); }
 private:
  // Owned by the monitor thread.
  int restarts_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, VisitorTakingStdFunctionMayRunInPlace) {
  // Abseil's ForEachFlag(std::function<...>) calls the visitor before it
  // returns; nothing says it keeps it.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void ForEachItem(std::function<void(int)> visitor) { visitor(1); }
class Collector {
 public:
  void Collect() {
    ForEachItem([this](int item) { items_.push_back(item); });
  }
  size_t Count() { return items_.size(); }
 private:
  std::mutex mu_;
  std::vector<int> items_;
};
std::vector<int> All() {
  std::vector<int> all;
  ForEachItem([&](int item) { all.push_back(item); });
  all.push_back(0);
  return all;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, RegisteredCallbackIsStored) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Bus {
  void Subscribe(std::function<void()> f) { handlers.push_back(std::move(f)); }
  std::vector<std::function<void()>> handlers;
};
class Listener {
 public:
  void Attach(Bus& bus) { bus.Subscribe([this] { ++events_; }); }  // WARN
  void Reset() { events_ = 0; }
 private:
  std::mutex mu_;
  int events_ = 0;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, AddressTakenForAConditionIsNotAnAccess) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
bool LessThan10(int* p) { return *p < 10; }
void Run() {
  absl::Mutex mu;
  int n = 30;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&mu, &n] {
      mu.LockWhen(absl::Condition(LessThan10, &n));
      ++n;
      mu.Unlock();
    });
  }
  {
    absl::MutexLock lock(&mu);
    n = 0;
  }
  for (auto& t : threads) t.join();
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, CapturedStructOfMutexAndGuardedFields) {
  // Abseil's mutex_test: a local struct whose members are mutexes and fields
  // they guard, shared by reference with a pool thread.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Run() {
  struct {
    absl::Mutex mu;
    bool ready ABSL_GUARDED_BY(mu) = false;
  } state;
  std::thread t([&state] {
    state.mu.Lock();
    state.ready = true;
    state.mu.Unlock();
  });
  state.mu.Lock();
  state.ready = false;
  state.mu.Unlock();
  t.join();
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, NolintWithReason) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Monitor {
 public:
  void Start() {
    // Reset() is only called before Start(), by the owner.
    thread_ = std::thread([this] { ++restarts_; });  // NOLINT(concurrency-closure-captures-mutable)
  }
  void Reset() { restarts_ = 0; }
  ~Monitor() { thread_.join(); }
 private:
  int restarts_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
