// ConcurrentStateMachine in controlled mode: a deadlock is a failure that
// names each thread's position; a failure's report has the interleaving; a
// system without races passes; and the same seed gives the same report.
#include <memory>
#include <string>

#include "client/concurrent/concurrent_state_machine.h"
#include "client/lockstep.h"
#include "client/sync/sync.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lockstep::concurrent {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// Two locks taken in opposite orders by the two commands.
class TwoLocks {
 public:
  int AThenB() {
    sync::MutexLock a(&a_);
    sync::MutexLock b(&b_);
    return 1;
  }
  int BThenA() {
    sync::MutexLock b(&b_);
    sync::MutexLock a(&a_);
    return 1;
  }

 private:
  sync::Mutex a_;
  sync::Mutex b_;
};

void TwoLocksScenario(TestCase& tc) {
  ConcurrentStateMachine<TwoLocks> m(
      [] { return std::make_unique<TwoLocks>(); });
  // No prefix or suffix: those calls also run once on a scratch system on
  // the test's thread, with real absl::Mutexes, whose deadlock detection
  // rightly stops the process at the inverted lock order.
  m.SystemName("l")
      .Mode(RunMode::kControlled)
      .Scenarios(ScenarioShape().Prefix(0).Suffix(0));
  m.Command<int()>("AThenB").Run([](TwoLocks& l) { return l.AThenB(); });
  m.Command<int()>("BThenA").Run([](TwoLocks& l) { return l.BThenA(); });
  m.Run(tc);
}

TEST(ControlledMachine, ADeadlockIsAFailureWithEachThreadsPosition) {
  Result result = Check("two locks", TwoLocksScenario,
                        Settings().TestCases(300).Seed(3).NoDatabase());
  ASSERT_FALSE(result.passed);
  const std::string& message = result.failure().message;
  EXPECT_THAT(message, StartsWith("deadlock: no thread can go on under the "
                                  "controlled scheduler\n"))
      << message;
  EXPECT_THAT(message, HasSubstr("  threads:\n")) << message;
  EXPECT_THAT(message, HasSubstr("thread 1: at Lock mutex ")) << message;
  EXPECT_THAT(message, HasSubstr("thread 2: at Lock mutex ")) << message;
  EXPECT_THAT(message, HasSubstr("(blocked, held by thread 2)")) << message;
  EXPECT_THAT(message, HasSubstr("(blocked, held by thread 1)")) << message;
  EXPECT_THAT(message, HasSubstr("main: at Join thread ")) << message;
  EXPECT_THAT(message, HasSubstr("    interleaving (")) << message;
  // Shrunk to one call on each thread, in opposite orders.
  EXPECT_THAT(message, HasSubstr("    thread 1")) << message;
  EXPECT_THAT(message, ::testing::Not(HasSubstr("prefix:"))) << message;
}

// A lost update (load, then store) on a sync::Atomic.
class Counter {
 public:
  int Increment() {
    int seen = value_.load();
    value_.store(seen + 1);
    return seen + 1;
  }

 private:
  sync::Atomic<int> value_{0};
};

struct Value {
  int value = 0;
  bool operator==(const Value& o) const { return value == o.value; }
};

void CounterScenario(TestCase& tc, sync::Strategy strategy) {
  ConcurrentStateMachine<Counter, Value> m(
      [] { return std::make_unique<Counter>(); });
  m.SystemName("c")
      .Mode(RunMode::kControlled)
      .Schedules(sync::ScheduleOptions{strategy});
  m.Command<int()>("Increment")
      .Run([](Counter& c) { return c.Increment(); })
      .Next([](Value& m) { return ++m.value; });
  m.Run(tc);
}

TEST(ControlledMachine, TheReportShowsTheInterleavingAndReplaysFromTheSeed) {
  for (sync::Strategy strategy :
       {sync::Strategy::kPct, sync::Strategy::kRandomWalk}) {
    auto body = [strategy](TestCase& tc) { CounterScenario(tc, strategy); };
    Result result = Check("lost update", body,
                          Settings().TestCases(300).Seed(5).NoDatabase());
    ASSERT_FALSE(result.passed);
    const std::string& message = result.failure().message;
    EXPECT_THAT(message, StartsWith("non-linearizable under the controlled "
                                    "scheduler\n"))
        << message;
    EXPECT_THAT(message, HasSubstr("c.Increment() -> 1 | c.Increment() -> 1"))
        << message;
    // Thread 1 loads, thread 2 preempts it and increments, thread 1 stores.
    EXPECT_THAT(message, HasSubstr("thread 2 x")) << message;
    EXPECT_THAT(message, HasSubstr("preempts")) << message;
    EXPECT_THAT(message, HasSubstr("history (scheduler steps from the first "
                                   "invocation)"))
        << message;
    Result again = Check("lost update", body,
                         Settings().TestCases(300).Seed(5).NoDatabase());
    ASSERT_FALSE(again.passed);
    EXPECT_EQ(again.failure().message, message);
  }
}

// The same counter with one read-modify-write passes.
class AtomicCounter {
 public:
  int Increment() { return value_.fetch_add(1) + 1; }

 private:
  sync::Atomic<int> value_{0};
};

TEST(ControlledMachine, ACorrectSystemPasses) {
  Result result = Check(
      "atomic counter",
      [](TestCase& tc) {
        ConcurrentStateMachine<AtomicCounter, Value> m(
            [] { return std::make_unique<AtomicCounter>(); });
        m.Mode(RunMode::kControlled).Scenarios(ScenarioShape().Threads(3));
        m.Command<int()>("Increment")
            .Run([](AtomicCounter& c) { return c.Increment(); })
            .Next([](Value& m) { return ++m.value; });
        m.Run(tc);
      },
      Settings().TestCases(300).NoDatabase());
  EXPECT_TRUE(result.passed) << result.Report("atomic counter");
  auto preemptions = result.numeric_events.find("preemptions");
  ASSERT_NE(preemptions, result.numeric_events.end());
  EXPECT_GT(preemptions->second.max, 0);
}

}  // namespace
}  // namespace lockstep::concurrent
