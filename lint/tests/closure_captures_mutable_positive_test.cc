// concurrency-closure-captures-mutable, positive cases: a finding on each
// "// WARN" line.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-closure-captures-mutable";

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

TEST(ClosureCapturesMutablePositive, CompletionOfAnAsyncCall) {
  // ReadAsync's callback runs on an I/O thread after the call returns.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdint>
#include <functional>
#include <mutex>
class File {
 public:
  virtual ~File() = default;
  virtual void ReadAsync(int64_t n, std::function<void(int64_t)> done) = 0;
};
class Spooler {
 public:
  int64_t bytes_read() {
    std::lock_guard<std::mutex> g(mu_);
    return bytes_read_;
  }
  void Issue() {
    file_->ReadAsync(10, [this](int64_t nread) {
      bytes_read_ += nread;  // WARN
      std::lock_guard<std::mutex> g(mu_);
      --in_flight_;
    });
  }
 private:
  File* file_ = nullptr;
  std::mutex mu_;
  int64_t bytes_read_ = 0;
  int in_flight_ = 0;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, LambdaPackagedIntoATaskByAFactory) {
  // V8's MakeCancelableTask: the factory returns the task that holds the
  // lambda, and the task runs later on the task runner.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <functional>
#include <memory>
#include <mutex>
#include <string>
class Task {
 public:
  virtual ~Task() = default;
  virtual void Run() = 0;
};
std::unique_ptr<Task> MakeTask(std::function<void()> body);
void PostDelayed(std::unique_ptr<Task> task, double seconds);
class Reducer {
 public:
  void Schedule() {
    PostDelayed(MakeTask([this] { Start("after " + reason_); }), 8.0);  // WARN
  }
  void OnGc(const std::string& reason) {
    std::lock_guard<std::mutex> l(mu_);
    reason_ = reason;
  }
 private:
  void Start(const std::string& why);
  std::mutex mu_;
  std::string reason_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, LambdaKeptByAnObjectMadeWithNew) {
  // Ceph's `new FunctionContext(lambda)` handed to a timer.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <functional>
#include <mutex>
class Context {
 public:
  virtual ~Context() = default;
  virtual void Finish(int r) = 0;
};
class FunctionContext : public Context {
 public:
  explicit FunctionContext(std::function<void(int)>&& f) : f_(std::move(f)) {}
  void Finish(int r) override { f_(r); }
 private:
  std::function<void(int)> f_;
};
class Timer {
 public:
  Context* AddEventAfter(double seconds, Context* callback);
};
class Watcher {
 public:
  void OnError(int err) {
    std::lock_guard<std::mutex> l(lock_);
    last_error_ = err;
  }
  void ScheduleRewatch() {
    timer_->AddEventAfter(1.0, new FunctionContext([this](int r) {
      if (r == 0) Rewatch(last_error_);  // WARN
    }));
  }
 private:
  void Rewatch(int error);
  Timer* timer_ = nullptr;
  std::mutex lock_;
  int last_error_ = 0;
};
)code",
                             kCheck);
}

// A function that takes a std::function and hands back a future of its
// work (Qt's QtConcurrent::run) runs it elsewhere, whatever its body.
TEST(ClosureCapturesMutablePositive, LambdaHandedToAFunctionReturningAFuture) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
template <typename T> class QFuture {
 public:
  void waitForFinished();
};
namespace QtConcurrent {
QFuture<void> run(std::function<void()> function);
}
class ExportJob {
 public:
  void SetDestination(const std::string& path) {
    std::lock_guard<std::mutex> l(mu_);
    destination_ = path;
  }
  void Start() {
    future_ = QtConcurrent::run([this] {
      Report("exported to " + destination_);  // WARN
    });
  }
 private:
  void Report(const std::string& message);
  std::mutex mu_;
  std::string destination_;
  QFuture<void> future_;
};
)code",
                             kCheck);
}

// A join on an early exit path (`{ t.join(); return; }`) orders nothing
// after its block: the read that follows still races with the thread.
TEST(ClosureCapturesMutablePositive, JoinOnAnEarlyExitPathOrdersNothingAfter) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
bool Verify();
bool Empty();
bool Install() {
  bool ok = false;
  std::thread verifier([&] {
    ok = Verify();  // WARN
  });
  if (Empty()) {
    verifier.join();
    return false;
  }
  if (!ok) {
    verifier.join();
    return false;
  }
  verifier.join();
  return true;
}
)code",
                             kCheck);
}

// A callback that returns nothing, taken by value by a function that hands
// back a handle (rclcpp's `TimerBase::SharedPtr create_wall_timer(period,
// std::function<void()>)`), is kept behind the handle and runs later.
TEST(ClosureCapturesMutablePositive, CallbackKeptBehindAReturnedHandle) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <functional>
#include <memory>
#include <mutex>
struct Timer { void cancel(); };
struct Node {
  std::shared_ptr<Timer> create_wall_timer(int period_ms, std::function<void()> callback);
  std::shared_ptr<Timer> Find(std::function<bool(int)> predicate);
};
class Follower : public Node {
 public:
  void Start() {
    timer_ = create_wall_timer(50, [this] { last_ = goal_; });  // WARN
    found_ = Find([this](int id) { return id == goal_id_; });
  }
  void SetGoal(double goal, int id) { goal_ = goal; goal_id_ = id; }
 private:
  std::shared_ptr<Timer> timer_;
  std::shared_ptr<Timer> found_;
  double goal_ = 0;
  double last_ = 0;
  int goal_id_ = 0;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
