// concurrency-thread-leak, a destructor that joins a thread blocked in a wait
// it never wakes: positive cases (a finding on each
// "// WARN" line) and negative cases (no finding).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-thread-leak";

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

}  // namespace
}  // namespace lockstep::lint::testing
