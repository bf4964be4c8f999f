// concurrency-thread-leak: positive cases (a finding on each "// WARN" line)
// and negative cases (no finding).
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-thread-leak";

// ---------------------------------------------- positive: local threads

TEST(ThreadLeakPositive, EarlyReturnBeforeJoin) {
  const std::string code = R"code(
void Work();
bool Ready();
void Run() {
  std::thread worker(Work);  // WARN
  if (!Ready()) return;
  worker.join();
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "std::thread 'worker' can be destroyed while still joinable, "
            "which calls std::terminate: it is not joined or detached on "
            "every path");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message,
            "'worker' is still joinable when the function returns here");
  EXPECT_EQ(findings[0].notes[0].line, findings[0].line + 1);
  EXPECT_EQ(findings[0].notes[1].message,
            "join it on every path out of the scope (or use std::jthread, "
            "which joins on destruction)");
}

TEST(ThreadLeakPositive, ThrowBetweenStartAndJoin) {
  const std::string code = R"code(
#include <stdexcept>
void Work();
void Run(int n) {
  std::thread worker(Work);  // WARN
  if (n < 0) throw std::invalid_argument("negative");
  worker.join();
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_FALSE(findings[0].notes.empty());
  EXPECT_EQ(findings[0].notes[0].message,
            "'worker' is still joinable when this exception leaves its scope");
  EXPECT_EQ(findings[0].notes[0].line, findings[0].line + 1);
}

TEST(ThreadLeakPositive, NeverJoined) {
  const std::string code = R"code(
void Work();
void Run() {
  std::thread worker(Work);  // WARN
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_FALSE(findings[0].notes.empty());
  EXPECT_EQ(findings[0].notes[0].message,
            "'worker' goes out of scope here without join() or detach()");
}

TEST(ThreadLeakPositive, JoinedOnlyInOneBranch) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Run(bool wait) {
  std::thread worker(Work);  // WARN
  if (wait) {
    worker.join();
  }
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, ReturnFromInsideLoop) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <vector>
void Work();
int Sum(const std::vector<int>& values) {
  std::thread worker(Work);  // WARN
  int sum = 0;
  for (int v : values) {
    if (v < 0) return -1;
    sum += v;
  }
  worker.join();
  return sum;
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, ThrowInsideTryThatOwnsTheThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
bool Bad();
void Run() {
  try {
    std::thread worker(Work);  // WARN
    if (Bad()) throw 1;
    worker.join();
  } catch (int) {
  }
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, AssignedLaterThenEarlyReturn) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
bool Ready();
void Run() {
  std::thread worker;  // WARN
  worker = std::thread(Work);
  if (!Ready()) return;
  worker.join();
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, InsideALambda) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
std::function<void()> MakeTask() {
  return [] {
    std::thread helper(Work);  // WARN
  };
}
)code",
                             kCheck);
}

// -------------------------------------- positive: detached endless loops

TEST(ThreadLeakPositive, DetachedWhileTrueLambda) {
  const std::string code = R"code(
void Beat();
void StartHeartbeat() {
  std::thread([] {
    while (true) {
      Beat();
    }
  }).detach();  // WARN
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "detached thread runs an endless loop in a lambda in "
            "'StartHeartbeat' with no stop condition: nothing can stop it, "
            "and it is still running when the process exits");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message,
            "this loop has no break, return or throw, and its condition "
            "never changes");
}

TEST(ThreadLeakPositive, DetachedForeverFunction) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Poll();
void PollForever() {
  for (;;) Poll();
}
void Start() {
  std::thread poller(PollForever);
  poller.detach();  // WARN
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedMethodLoop) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Heartbeat {
 public:
  void Start() { std::thread(&Heartbeat::Loop, this).detach(); }  // WARN

 private:
  void Loop() {
    while (1) {
      ++beats_;
    }
  }
  std::atomic<int> beats_{0};
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedLoopOnLocalThatNeverChanges) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Flush();
void Start() {
  std::thread flusher([] {
    bool running = true;
    while (running) {
      Flush();
    }
  });
  flusher.detach();  // WARN
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedLambdaCallingEndlessHelper) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Serve();
void ServeForever() {
  do {
    Serve();
  } while (true);
}
void Start() {
  std::thread server([] { ServeForever(); });
  server.detach();  // WARN
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedLoopWhoseBreakOnlyLeavesAnInnerSwitch) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Next();
void Start() {
  std::thread([] {
    for (;;) {
      switch (Next()) {
        case 0:
          break;
        default:
          continue;
      }
    }
  }).detach();  // WARN
}
)code",
                             kCheck);
}

// ------------------------------------------- positive: member threads

TEST(ThreadLeakPositive, MemberThreadImplicitDestructor) {
  const std::string code = R"code(
class Flusher {
 public:
  void Start() { thread_ = std::thread([this] { Flush(); }); }

 private:
  void Flush() {}
  std::thread thread_;  // WARN
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "'Flusher' starts thread 'thread_' but its destructor does not "
            "join it: destroying a Flusher while the thread runs calls "
            "std::terminate");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message, "'thread_' is started here");
  EXPECT_EQ(findings[0].notes[0].line, findings[0].line - 4);
}

TEST(ThreadLeakPositive, MemberThreadDestructorForgetsIt) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Uploader {
 public:
  Uploader() : worker_([this] { Upload(); }) {}
  ~Uploader() { done_ = true; }

 private:
  void Upload() {}
  std::atomic<bool> done_{false};
  std::thread worker_;  // WARN
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, VectorOfThreadsNeverJoined) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pool {
 public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i) workers_.emplace_back([this] { Run(); });
  }
  ~Pool() = default;

 private:
  void Run() {}
  std::vector<std::thread> workers_;  // WARN
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, UniquePtrThreadReset) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Watcher {
 public:
  void Start() { thread_.reset(new std::thread([] {})); }
  ~Watcher() { thread_.reset(); }

 private:
  std::unique_ptr<std::thread> thread_;  // WARN
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DestructorJoinsWithoutNotifyingTheWait) {
  const std::string code = R"code(
class Queue {
 public:
  Queue() : consumer_([this] { Consume(); }) {}
  ~Queue() { consumer_.join(); }  // WARN

 private:
  void Consume() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !items_.empty() || stop_; });
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<int> items_;
  bool stop_ = false;
  std::thread consumer_;
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "the destructor of 'Queue' joins thread 'consumer_' without "
            "waking it: if the thread is blocked in its wait, the join never "
            "returns");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message,
            "'consumer_' waits here until a condition on 'items_' or 'stop_' "
            "holds, and nothing before the join sets 'items_' or 'stop_' or "
            "notifies");
}

TEST(ThreadLeakPositive, StopJoinsWithoutSettingTheAwaitedFlag) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Gate {
 public:
  Gate() { waiter_ = std::thread([this] { WaitOpen(); }); }
  ~Gate() { Stop(); }

 private:
  void Stop() { waiter_.join(); }  // WARN
  void WaitOpen() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(&open_));
  }
  absl::Mutex mu_;
  bool open_ ABSL_GUARDED_BY(mu_) = false;
  std::thread waiter_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, WaitLoopOnStopFlagNeverSet) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Reaper {
 public:
  Reaper() : thread_([this] { Loop(); }) {}
  ~Reaper() {
    if (thread_.joinable()) thread_.join();  // WARN
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) cv_.wait(lock);
  }
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, AbslCondVarWaitNeverSignalled) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Mailbox {
 public:
  Mailbox() : reader_([this] { Read(); }) {}
  ~Mailbox() {
    reader_.join();  // WARN
  }

 private:
  void Read() {
    absl::MutexLock lock(&mu_);
    while (messages_.empty() && !closed_) ready_.Wait(&mu_);
  }
  absl::Mutex mu_;
  absl::CondVar ready_;
  std::vector<std::string> messages_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  std::thread reader_;
};
)code",
                             kCheck);
}

// ------------------------------------------------------------ negative

TEST(ThreadLeakNegative, JoinedOnEveryPath) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
bool Ready();
void Run() {
  std::thread worker(Work);
  if (!Ready()) {
    worker.join();
    return;
  }
  worker.join();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DetachedFiniteWork) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Run() {
  std::thread worker(Work);
  worker.detach();
  std::thread([] { Work(); }).detach();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, JthreadJoinsItself) {
  // std::jthread is C++20.
  const std::string code = std::string(kPrelude) + R"code(
void Work();
void Run(bool early) {
  std::jthread worker(Work);
  if (early) return;
}
class Pump {
 public:
  Pump() : thread_([] { Work(); }) {}

 private:
  std::jthread thread_;
};
)code";
  std::vector<Finding> findings = RunLint(
      code, std::string(kCheck) + ",clang-diagnostic-error", {"-std=c++20"});
  EXPECT_TRUE(findings.empty()) << Describe(findings);
}

TEST(ThreadLeakNegative, MovedIntoAContainer) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Start(std::vector<std::thread>& owner) {
  std::thread worker(Work);
  owner.push_back(std::move(worker));
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, ReturnedToTheCaller) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
std::thread Launch() {
  std::thread worker(Work);
  return worker;
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, AsyncFutures) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <future>
int Compute();
int Run(bool early) {
  std::future<int> result = std::async(std::launch::async, Compute);
  if (early) return 0;
  return result.get();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DefaultConstructedAndConditionallyStarted) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Run(bool background) {
  std::thread worker;
  if (background) worker = std::thread(Work);
  if (worker.joinable()) worker.join();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, CatchJoinsAndRethrows) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Step();
void Run() {
  std::thread worker(Work);
  try {
    Step();
    throw 1;
  } catch (...) {
    worker.join();
    throw;
  }
  worker.join();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, JoinedByAScopeGuard) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
bool Ready();
template <typename F>
class Cleanup {
 public:
  explicit Cleanup(F f) : f_(f) {}
  ~Cleanup() { f_(); }

 private:
  F f_;
};
void Run() {
  std::thread worker(Work);
  Cleanup join_worker([&worker] { worker.join(); });
  if (!Ready()) return;
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, ThrowBeforeTheThreadStarts) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Run(int n) {
  if (n < 0) throw n;
  std::thread worker(Work);
  worker.join();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DetachedLoopsWithAStopPath) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Beat();
bool Failed();
std::atomic<bool> g_stop{false};
class Monitor {
 public:
  void Start() {
    std::thread([this] {
      while (!stopping_) Beat();
    }).detach();
  }
  std::atomic<bool> stopping_{false};
};
void Start(std::atomic<bool>& stop) {
  std::thread([] {
    while (!g_stop.load()) Beat();
  }).detach();
  std::thread([&stop] {
    for (;;) {
      if (stop) break;
      Beat();
    }
  }).detach();
  std::thread([] {
    while (true) {
      if (Failed()) return;
    }
  }).detach();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DetachedCountedLoopsEnd) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Start() {
  std::thread([] {
    for (int i = 0; i < 10; ++i) Work();
  }).detach();
  std::thread([] {
    int retries = 3;
    while (retries-- > 0) Work();
  }).detach();
  std::thread([] {
    bool again = true;
    do {
      Work();
      again = false;
    } while (again);
  }).detach();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, LoopInsideANestedLambdaIsNotTheThreadsLoop) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Start() {
  std::thread([] {
    auto spin = [] { for (;;) Work(); };
    (void)spin;
  }).detach();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DestructorJoinsIfJoinable) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Flusher {
 public:
  void Start() { thread_ = std::thread([this] { Flush(); }); }
  ~Flusher() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Flush() {}
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DestructorJoinsThroughStopAfterWakingTheThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Queue {
 public:
  Queue() : consumer_([this] { Consume(); }) {}
  ~Queue() { Stop(); }
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (consumer_.joinable()) consumer_.join();
  }

 private:
  void Consume() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !items_.empty() || stop_; });
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<int> items_;
  bool stop_ = false;
  std::thread consumer_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, AbslAwaitWokenByWritingTheFlag) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Gate {
 public:
  Gate() { waiter_ = std::thread([this] { WaitOpen(); }); }
  ~Gate() {
    {
      absl::MutexLock lock(&mu_);
      open_ = true;
    }
    waiter_.join();
  }

 private:
  void WaitOpen() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(&open_));
  }
  absl::Mutex mu_;
  bool open_ ABSL_GUARDED_BY(mu_) = false;
  std::thread waiter_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, AbslCondVarClosedAndSignalledBeforeTheJoin) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Mailbox {
 public:
  Mailbox() : reader_([this] { Read(); }) {}
  ~Mailbox() {
    {
      absl::MutexLock lock(&mu_);
      closed_ = true;
    }
    ready_.SignalAll();
    reader_.join();
  }

 private:
  void Read() {
    absl::MutexLock lock(&mu_);
    while (messages_.empty() && !closed_) ready_.Wait(&mu_);
  }
  absl::Mutex mu_;
  absl::CondVar ready_;
  std::vector<std::string> messages_ ABSL_GUARDED_BY(mu_);
  bool closed_ ABSL_GUARDED_BY(mu_) = false;
  std::thread reader_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, VectorJoinedInALoopOrDetached) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pool {
 public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i) workers_.emplace_back([] {});
    for (int i = 0; i < n; ++i) helpers_.emplace_back([] {});
    background_ = std::thread([] {});
  }
  ~Pool() {
    for (std::thread& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
    for (size_t i = 0; i < helpers_.size(); ++i) helpers_[i].join();
    background_.detach();
  }

 private:
  std::vector<std::thread> workers_;
  std::vector<std::thread> helpers_;
  std::thread background_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, OwnedThreadJoinedThroughAPointer) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Watcher {
 public:
  void Start() { thread_ = std::make_unique<std::thread>([] {}); }
  ~Watcher() {
    if (thread_ != nullptr && thread_->joinable()) thread_->join();
  }

 private:
  std::unique_ptr<std::thread> thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, ThreadStartedAndJoinedInOneMethod) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Job {
 public:
  void RunInBackgroundAndWait() {
    thread_ = std::thread([] {});
    thread_.join();
  }

 private:
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DestructorDefinedElsewhereOrNeverStarted) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Remote {
 public:
  Remote() : thread_([] {}) {}
  ~Remote();  // defined in another file: cannot tell

 private:
  std::thread thread_;
};
class Idle {
 private:
  std::thread thread_;  // never started: not joinable
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, TimedWaitAndOpaqueStopAreNotAHang) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <chrono>
bool ShouldStop();
class Ticker {
 public:
  Ticker() : thread_([this] { Loop(); }) {}
  ~Ticker() { thread_.join(); }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; });
    cv_.wait(lock, [] { return ShouldStop(); });
  }
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, ThreadHandedToAnOwnerInTheDestructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Reap(std::thread t);
class Session {
 public:
  Session() : reader_([] {}) {}
  ~Session() { Reap(std::move(reader_)); }

 private:
  std::thread reader_;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
