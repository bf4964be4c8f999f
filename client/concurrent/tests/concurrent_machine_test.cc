// ConcurrentStateMachine end to end, through Check and the engine: a
// correct counter passes, a lost update is found and shrunk to two
// threads of one increment each, invariants run after the join, a step
// that throws is a failure, and bad bounds are usage errors.
#include <atomic>
#include <chrono>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <thread>

#include "client/concurrent/concurrent_state_machine.h"
#include "client/lockstep.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lockstep::concurrent {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Increment returns the new count. With `lost_update`, it reads, waits,
// then writes: two increments that overlap both return the same count.
// Each access is atomic (no data race for TSan); the pair is not.
class Counter {
 public:
  explicit Counter(bool lost_update) : lost_update_(lost_update) {}
  int Increment() {
    if (!lost_update_) return value_.fetch_add(1) + 1;
    int seen = value_.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    value_.store(seen + 1);
    return seen + 1;
  }
  int Get() const { return value_.load(); }

 private:
  const bool lost_update_;
  std::atomic<int> value_{0};
};

struct CounterModel {
  int value = 0;
  bool operator==(const CounterModel& other) const {
    return value == other.value;
  }
};
void PrintTo(const CounterModel& model, std::ostream* out) {
  *out << model.value;
}

void CounterScenario(TestCase& tc, bool lost_update, ScenarioShape shape) {
  ConcurrentStateMachine<Counter, CounterModel> machine(
      [lost_update] { return std::make_unique<Counter>(lost_update); });
  machine.SystemName("c").Scenarios(shape);
  machine.Command<int()>("Increment")
      .Run([](Counter& c) { return c.Increment(); })
      .Next([](CounterModel& m) { return ++m.value; });
  machine.Run(tc);
}

Settings Quick(uint32_t cases) {
  return Settings().TestCases(cases).NoDatabase();
}

TEST(ConcurrentStateMachine, AtomicCounterIsLinearizable) {
  Result result = Check(
      "atomic counter",
      [](TestCase& tc) { CounterScenario(tc, false, ScenarioShape()); },
      Quick(100));
  EXPECT_TRUE(result.passed) << result.Report("atomic counter");
  // Cases that repeat an earlier one count against the 100 (a scenario
  // space this small has repeats).
  EXPECT_EQ(result.test_cases_run + result.repeats, 100u);
  EXPECT_GE(result.test_cases_run, 50u);
  // Each case records the share of its runs whose threads' calls
  // overlapped in time.
  auto overlap = result.numeric_events.find(
      "share of runs whose threads' calls overlapped");
  ASSERT_NE(overlap, result.numeric_events.end());
  // (Every generated case, repeats included.)
  EXPECT_GE(overlap->second.cases, result.test_cases_run);
  EXPECT_GE(overlap->second.min, 0.0);
  EXPECT_LE(overlap->second.max, 1.0);
}

TEST(ConcurrentStateMachine, LostUpdateIsFoundAndShrunkToTwoIncrements) {
  Result result = Check(
      "lost update",
      [](TestCase& tc) { CounterScenario(tc, true, ScenarioShape()); },
      Quick(100).Seed(3));
  ASSERT_FALSE(result.passed);
  ASSERT_EQ(result.error, "");
  const std::string& message = result.failure().message;
  EXPECT_THAT(message, StartsWith("non-linearizable in "));
  // The final replay runs every repeat, and counts the failing ones.
  EXPECT_THAT(message, HasSubstr(" of 10 runs\n"));
  EXPECT_THAT(message, Not(HasSubstr("stopped at the first failure")));
  EXPECT_THAT(message,
              HasSubstr("  scenario:\n"
                        "    thread 1           | thread 2\n"
                        "    c.Increment() -> 1 | c.Increment() -> 1\n"));
  EXPECT_THAT(message, HasSubstr("longest linearizable prefix (1 of 2"));
  EXPECT_THAT(message, HasSubstr("Increment() returned 1, but the model "
                                 "expects 2"));
  EXPECT_THAT(result.failure().origin, HasSubstr("concurrent_machine_test.cc"));
  // The 1 ms window makes two increments overlap in every run.
  auto overlap = result.numeric_events.find(
      "share of runs whose threads' calls overlapped");
  ASSERT_NE(overlap, result.numeric_events.end());
  EXPECT_EQ(overlap->second.max, 1.0);
}

// Increments are linearizable, but a second count of calls is updated
// with a lost update: only the invariant after the join sees it.
class CountingCounter {
 public:
  int Increment() {
    int calls = calls_.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    calls_.store(calls + 1);
    return value_.fetch_add(1) + 1;
  }
  int calls() const { return calls_.load(); }

 private:
  std::atomic<int> value_{0};
  std::atomic<int> calls_{0};
};

TEST(ConcurrentStateMachine, InvariantsRunAfterTheJoinWithTheModel) {
  Result result = Check(
      "counted calls",
      [](TestCase& tc) {
        ConcurrentStateMachine<CountingCounter, CounterModel> machine(
            [] { return std::make_unique<CountingCounter>(); });
        machine.SystemName("c");
        machine.Command<int()>("Increment")
            .Run([](CountingCounter& c) { return c.Increment(); })
            .Next([](CounterModel& m) { return ++m.value; });
        machine.Invariant("every call counted",
                          [](const CounterModel& m, const CountingCounter& c) {
                            return c.calls() == m.value;
                          });
        machine.Run(tc);
      },
      Quick(100).Seed(5));
  ASSERT_FALSE(result.passed);
  const std::string& message = result.failure().message;
  EXPECT_THAT(message, StartsWith("invariant 'every call counted' failed "
                                  "after the threads joined in "));
  EXPECT_THAT(message, HasSubstr("linearization: c.Increment(), "
                                 "c.Increment()"));
  EXPECT_THAT(message, HasSubstr("model after the linearization: 2"));
}

TEST(ConcurrentStateMachine, AStepThatThrowsIsAFailureWithTheScenario) {
  Result result = Check(
      "throws",
      [](TestCase& tc) {
        ConcurrentStateMachine<Counter, CounterModel> machine(
            [] { return std::make_unique<Counter>(false); });
        machine.SystemName("c");
        machine.Command<int(int)>("Add")
            .Args(gen::Integers<int>(0, 5))
            .Run([](Counter& c, int n) {
              if (n == 3) throw std::runtime_error("three is not allowed");
              return c.Increment();
            });
        machine.Run(tc);
      },
      Quick(200));
  ASSERT_FALSE(result.passed);
  const std::string& message = result.failure().message;
  EXPECT_THAT(message, HasSubstr("Add(3) threw: "));
  EXPECT_THAT(message, HasSubstr("three is not allowed"));
  EXPECT_THAT(message, HasSubstr("  scenario:\n"));
}

TEST(ConcurrentStateMachine, BadBoundsAreUsageErrors) {
  Result zero = Check(
      "zero threads",
      [](TestCase& tc) {
        CounterScenario(tc, false, ScenarioShape().Threads(0));
      },
      Quick(10));
  EXPECT_FALSE(zero.passed);
  EXPECT_THAT(zero.error, HasSubstr("threads is 0; it must be between 1 "
                                    "and 64"));
  Result no_repeats = Check(
      "zero repeats",
      [](TestCase& tc) {
        CounterScenario(tc, false, ScenarioShape().Repeats(0));
      },
      Quick(10));
  EXPECT_THAT(no_repeats.error, HasSubstr("repeats is 0"));
  Result empty = Check(
      "no commands",
      [](TestCase& tc) {
        ConcurrentStateMachine<Counter, CounterModel> machine(
            [] { return std::make_unique<Counter>(false); });
        machine.Run(tc);
      },
      Quick(10));
  EXPECT_THAT(empty.error, HasSubstr("has no commands"));
}

TEST(ConcurrentStateMachine, OneThreadIsASequentialCheck) {
  // With one thread nothing overlaps, so even the racy counter passes.
  Result result = Check(
      "one thread",
      [](TestCase& tc) {
        CounterScenario(tc, true, ScenarioShape().Threads(1).Repeats(1));
      },
      Quick(30));
  EXPECT_TRUE(result.passed) << result.Report("one thread");
}

}  // namespace
}  // namespace lockstep::concurrent
