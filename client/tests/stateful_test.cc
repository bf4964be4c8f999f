// The stateful runner (client/stateful.h): the model-free form, initialize
// steps, teardown, invariants, max_steps, swarm testing, weights,
// preconditions, pools (a skipped step gives back what it took), shrinking
// a step with its users, the printed program, the example database, the
// refusal of explicit examples and the GoogleTest report's line.
#include "client/stateful.h"

#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

#include "client/lockstep_gtest.h"
#include "gtest/gtest-spi.h"
#include "gtest/gtest.h"

namespace {

namespace gen = lockstep::gen;
using lockstep::stateful::StateMachine;
using lockstep::stateful::Var;

lockstep::Settings Quiet() {
  return lockstep::Settings().Derandomize(true).NoDatabase();
}

// A counter whose Add overflows past 3 (the model-free form's system).
struct Counter {
  int value = 0;
  bool checked_out = false;
};

// The program part of a failure's message.
std::string ProgramOf(const std::string& message) {
  size_t start = message.find("  program (");
  return start == std::string::npos ? "" : message.substr(start);
}

TEST(Stateful, ModelFreeRulesShrinkToTheMinimalProgram) {
  int teardowns = 0;
  int programs = 0;
  lockstep::Result result = lockstep::Check(
      "model free",
      [&](lockstep::TestCase& tc) {
        ++programs;
        StateMachine<Counter> machine;
        machine.SystemName("c");
        machine.Initialize<void()>("CheckOut").Run([](Counter& c) {
          c.checked_out = true;
        });
        machine.Command<void(int)>("Add")
            .Args(gen::Integers<int>(0, 2))
            .Run([](Counter& c, int n) { c.value += n; });
        machine.Command<void()>("Reset").Run([](Counter& c) { c.value = 0; });
        machine.Invariant("small",
                          [](const Counter& c) { return c.value <= 3; });
        machine.Teardown([&teardowns](Counter& c) {
          ++teardowns;
          c.checked_out = false;
        });
        machine.Run(tc);
      },
      Quiet());
  ASSERT_FALSE(result.passed);
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_EQ(result.failure().message.substr(0, 24), "invariant 'small' failed");
  EXPECT_EQ(ProgramOf(result.failure().message),
            "  program (3 steps):\n"
            "    c.CheckOut();\n"
            "    c.Add(2);\n"
            "    c.Add(2);  <-- invariant 'small' failed after this step");
  // Teardown ran after every program, the failing ones too.
  EXPECT_EQ(teardowns, programs);
  EXPECT_NE(result.failure().origin.find("client/tests/stateful_test.cc:"),
            std::string::npos);
}

TEST(Stateful, MaxStepsFromSettingsBoundsEveryProgram) {
  size_t longest = 0;
  lockstep::Result result = lockstep::Check(
      "max steps",
      [&](lockstep::TestCase& tc) {
        size_t steps = 0;
        StateMachine<Counter> machine;
        machine.Command<void()>("Tick").Run([&steps](Counter&) { ++steps; });
        machine.Run(tc);
        longest = std::max(longest, steps);
      },
      Quiet().MaxSteps(4).TestCases(300));
  EXPECT_TRUE(result.passed) << result.Report("max steps");
  EXPECT_EQ(longest, 4u);
}

TEST(Stateful, DefaultMaxStepsIsFiftyAndTheEnvironmentSetsIt) {
  auto none = [](const char*) -> std::optional<std::string> {
    return std::nullopt;
  };
  EXPECT_EQ(lockstep::Resolve(lockstep::Settings(), none)->max_steps, 50u);
  EXPECT_EQ(
      lockstep::Resolve(lockstep::Settings().MaxSteps(7), none)->max_steps, 7u);
  auto env = [](const char* name) -> std::optional<std::string> {
    if (std::string(name) == "LOCKSTEP_MAX_STEPS") return "9";
    return std::nullopt;
  };
  absl::StatusOr<lockstep::ResolvedSettings> resolved =
      lockstep::Resolve(lockstep::Settings().MaxSteps(7), env);
  ASSERT_TRUE(resolved.ok());
  EXPECT_EQ(resolved->max_steps, 9u);
  auto bad = [](const char* name) -> std::optional<std::string> {
    if (std::string(name) == "LOCKSTEP_MAX_STEPS") return "0";
    return std::nullopt;
  };
  EXPECT_FALSE(lockstep::Resolve(lockstep::Settings(), bad).ok());
}

TEST(Stateful, SwarmSwitchesCommandsOffAndWeightsBiasThePick) {
  int single_command_programs = 0;
  std::map<std::string, int> steps;
  lockstep::Result result = lockstep::Check(
      "swarm",
      [&](lockstep::TestCase& tc) {
        std::set<std::string> used;
        int program_steps = 0;
        StateMachine<Counter> machine;
        for (const char* name : {"A", "B", "C"}) {
          machine.Command<void()>(name)
              .Weight(std::string(name) == "A" ? 8 : 1)
              .Run([&used, &steps, &program_steps, name](Counter&) {
                used.insert(name);
                ++program_steps;
                ++steps[name];
              });
        }
        machine.Run(tc);
        if (used.size() == 1 && program_steps >= 5) ++single_command_programs;
      },
      Quiet().TestCases(300));
  EXPECT_TRUE(result.passed) << result.Report("swarm");
  EXPECT_GT(single_command_programs, 10);
  EXPECT_GT(steps["A"], 3 * steps["B"]);
  EXPECT_GT(steps["B"], 0);
  EXPECT_GT(steps["C"], 0);
}

TEST(Stateful, AFailingPreconditionSkipsTheStepAndRejectsNothing) {
  int never = 0;
  lockstep::Result result = lockstep::Check(
      "preconditions",
      [&](lockstep::TestCase& tc) {
        StateMachine<Counter, int> machine(
            [] { return std::make_unique<Counter>(); }, 0);
        machine.Command<void()>("Never")
            .Requires([](const int&) { return false; })
            .Run([&never](Counter&) { ++never; });
        machine.Command<void()>("Sometimes")
            .Requires([](const Counter& c) { return c.value >= 0; })
            .Run([](Counter&) {});
        machine.Run(tc);
      },
      Quiet().TestCases(200));
  EXPECT_TRUE(result.passed) << result.Report("preconditions");
  EXPECT_EQ(never, 0);
  EXPECT_EQ(result.invalid_cases, 0u);
}

// Handles from a pool: using one that was released is the bug.
struct Registry {
  std::set<int> live;
  int next = 0;
  int Acquire() { return next++; }
  void Release(int h) { live.erase(h); }
  bool Use(int h) const { return h >= 0; }  // BUG: accepts released handles
};

void RegistryProgram(lockstep::TestCase& tc) {
  StateMachine<Registry, std::set<int>> machine(
      [] { return std::make_unique<Registry>(); });
  machine.SystemName("r");
  auto& handles = machine.NewPool<int>("h");
  auto& released = machine.NewPool<int>("old");
  machine.Command<int()>("Acquire")
      .Run([](Registry& r) { return r.Acquire(); })
      .Into(handles)
      .Next([](std::set<int>& live, const int& h) { live.insert(h); });
  machine.Command<void(Var<int>)>("Release")
      .Args(handles.Take())
      .Run([&released](Registry& r, const Var<int>& h) {
        r.Release(*h);
        released.Add(*h);
      })
      .Next([](std::set<int>& live, const Var<int>& h) { live.erase(*h); });
  machine.Command<bool(Var<int>)>("Use")
      .Args(released.Any())
      .Run([](Registry& r, const Var<int>& h) { return r.Use(*h); })
      .Next([](std::set<int>& live, const Var<int>& h) {
        return live.count(*h) > 0;
      });
  machine.Run(tc);
}

TEST(Stateful, PoolValuesFlowBetweenStepsAndPrintByName) {
  lockstep::Result result = lockstep::Check("pools", RegistryProgram, Quiet());
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(
      result.failure().message.substr(0, result.failure().message.find('\n')),
      "Use(old1) returned true, but the model expects false");
  EXPECT_EQ(ProgramOf(result.failure().message),
            "  program (3 steps):\n"
            "    auto h1 = r.Acquire();  // -> 0\n"
            "    auto old1 = r.Release(h1);\n"
            "    r.Use(old1);  // -> true  <-- failed\n"
            "  model before the failing step: {}");
}

TEST(Stateful, TheDatabaseReplaysTheFailingProgramFirst) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string pattern =
      (tmp != nullptr ? std::string(tmp)
                      : std::filesystem::temp_directory_path().string()) +
      "/stateful-db-XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  std::string database = pattern;
  auto settings = lockstep::Settings().Database(database);
  lockstep::Result first = lockstep::Check("db", RegistryProgram, settings);
  ASSERT_FALSE(first.passed);
  EXPECT_EQ(first.replayed, 0u);
  lockstep::Result second = lockstep::Check("db", RegistryProgram, settings);
  ASSERT_FALSE(second.passed);
  EXPECT_GE(second.replayed, 1u);
  EXPECT_EQ(ProgramOf(second.failure().message),
            ProgramOf(first.failure().message));
}

TEST(Stateful, TheFailuresSeedReproducesTheSameProgram) {
  // What the reproduce command does (LOCKSTEP_SEED=<seed> is the Seed
  // setting): a random run's seed, given back, finds the same program.
  auto random = lockstep::Settings().NoDatabase();
  lockstep::Result first = lockstep::Check("seeded", RegistryProgram, random);
  ASSERT_FALSE(first.passed);
  lockstep::Result again =
      lockstep::Check("seeded", RegistryProgram, random.Seed(first.seed));
  ASSERT_FALSE(again.passed);
  EXPECT_EQ(again.seed, first.seed);
  EXPECT_EQ(again.failure().message, first.failure().message);
}

TEST(Stateful, AThrowingActionKeepsItsOriginAndMarksItsStep) {
  lockstep::Result result = lockstep::Check(
      "throws",
      [](lockstep::TestCase& tc) {
        StateMachine<Counter> machine;
        machine.SystemName("c");
        machine.Command<int()>("Bump").Run([](Counter& c) {
          if (++c.value == 2) throw std::out_of_range("too far");
          return c.value;
        });
        machine.Run(tc);
      },
      Quiet());
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(result.failure().origin, typeid(std::out_of_range).name());
  EXPECT_EQ(ProgramOf(result.failure().message),
            "  program (2 steps):\n"
            "    c.Bump();  // -> 1\n"
            "    c.Bump();  <-- failed");
}

int buggy_command_line = 0;
void FailsAtItsCommandsLine(lockstep::TestCase& tc) {
  StateMachine<Counter, int> machine([] { return std::make_unique<Counter>(); },
                                     0);
  machine.SystemName("c");
  buggy_command_line = __LINE__ + 1;
  auto& next = machine.Command<int()>("Next");
  next.Run([](Counter& c) { return c.value += c.value >= 2 ? 2 : 1; })
      .Next([](int& m) { return ++m; });
  machine.Run(tc);
}

TEST(Stateful, GoogleTestReportsTheFailureAtTheCommandsLine) {
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter intercept(
        ::testing::ScopedFakeTestPartResultReporter::
            INTERCEPT_ONLY_CURRENT_THREAD,
        &failures);
    lockstep::internal::RunGtestProperty("line", FailsAtItsCommandsLine,
                                         Quiet());
  }
  ASSERT_EQ(failures.size(), 1);
  const ::testing::TestPartResult& failure = failures.GetTestPartResult(0);
  EXPECT_EQ(failure.line_number(), buggy_command_line);
  EXPECT_NE(std::string(failure.file_name()).find("stateful_test.cc"),
            std::string::npos);
  EXPECT_NE(std::string(failure.message())
                .find("Next() returned 4, but the model expects 3\n"
                      "  program (3 steps):\n"
                      "    c.Next();  // -> 1\n"
                      "    c.Next();  // -> 2\n"
                      "    c.Next();  // -> 4  <-- failed\n"
                      "  model before the failing step: 2\n"),
            std::string::npos)
      << failure.message();
}

TEST(Stateful, InvariantsCanBeCheckedBeforeTheFirstStep) {
  lockstep::Result result = lockstep::Check(
      "before first",
      [](lockstep::TestCase& tc) {
        StateMachine<Counter, int> machine(
            [] {
              auto c = std::make_unique<Counter>();
              c->value = 5;  // starts out of step with the model
              return c;
            },
            0);
        machine.Command<void()>("Nothing").Run([](Counter&) {});
        machine.Invariant("agree", [](const int& m, const Counter& c) {
          return m == c.value;
        });
        machine.InvariantsBeforeFirstStep();
        machine.Run(tc);
      },
      Quiet());
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(result.failure().message,
            "invariant 'agree' failed\n"
            "  program (0 steps):\n"
            "  model after the program: 0");
}

TEST(Stateful, IntoWithAConversionPoolsOnlyTheResultsThatHoldOne) {
  lockstep::Result result = lockstep::Check(
      "into convert",
      [](lockstep::TestCase& tc) {
        StateMachine<Counter> machine;
        machine.SystemName("c");
        auto& ids = machine.NewPool<int>("id");
        machine.Command<std::optional<int>(int)>("Make")
            .Args(gen::Integers<int>(0, 3))
            .Run([](Counter& c, int n) -> std::optional<int> {
              if (n == 0) return std::nullopt;
              return c.value += n;
            })
            .Into(ids, [](const std::optional<int>& r) { return r; });
        machine.Command<void(Var<int>)>("Use").Args(ids.Any()).Run(
            [](Counter&, const Var<int>& id) { LOCKSTEP_ASSERT(*id < 2); });
        machine.Run(tc);
      },
      Quiet());
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(ProgramOf(result.failure().message),
            "  program (2 steps):\n"
            "    auto id1 = c.Make(2);  // -> 2\n"
            "    c.Use(id1);  <-- failed");
}

TEST(Stateful, ASkippedStepGivesBackTheValuesItTook) {
  // Two commands take a handle and are then skipped: one because its
  // second argument's pool is always empty, one because its Draw skips.
  // Neither may lose the handle: the pool keeps every handle made.
  int ran = 0;
  lockstep::Result result = lockstep::Check(
      "take then skip",
      [&](lockstep::TestCase& tc) {
        StateMachine<Counter, size_t> machine(
            [] { return std::make_unique<Counter>(); }, 0);
        auto& handles = machine.NewPool<int>("h");
        auto& never_filled = machine.NewPool<int>("none");
        machine.Command<int()>("Make")
            .Run([](Counter& c) { return c.value++; })
            .Into(handles)
            .Next([](size_t& made) { ++made; });
        machine.Command<void(Var<int>, Var<int>)>("Pair")
            .Args(handles.Take(), never_filled.Any())
            .Run([&ran](Counter&, const Var<int>&, const Var<int>&) { ++ran; });
        machine.Command<void(Var<int>)>("Maybe")
            .Draw([&handles](lockstep::TestCase& tc) {
              Var<int> h = tc.Draw(handles.Take());
              lockstep::stateful::Skip();
              return h;
            })
            .Run([&ran](Counter&, const Var<int>&) { ++ran; });
        machine.Invariant("no handle lost", [&handles](const size_t& made) {
          return handles.size() == made;
        });
        machine.Run(tc);
      },
      Quiet().TestCases(300));
  EXPECT_TRUE(result.passed) << result.Report("take then skip");
  EXPECT_EQ(ran, 0);
}

TEST(Stateful, AStepGoesWithTheStepsThatUseWhatItMade) {
  // Fails when every handle made was used and one was used exactly twice:
  // minimal Make, Use, Use. Deleting one step of an unneeded Make/Use pair
  // alone moves the other's use to another handle (or leaves a handle
  // unused); the engine deletes the pair in one edit ("uses" spans).
  lockstep::Result result = lockstep::Check(
      "make and use",
      [](lockstep::TestCase& tc) {
        StateMachine<std::map<int, int>> machine;
        machine.SystemName("t");
        auto& handles = machine.NewPool<int>("h");
        machine.Command<int()>("Make")
            .Run([](std::map<int, int>& uses) {
              int h = static_cast<int>(uses.size());
              uses[h] = 0;
              return h;
            })
            .Into(handles);
        machine.Command<void(Var<int>)>("Use")
            .Args(handles.Any())
            .Run([](std::map<int, int>& uses, const Var<int>& h) {
              ++uses[*h];
            });
        machine.Teardown([](std::map<int, int>& uses) {
          bool all_used = !uses.empty();
          bool twice = false;
          for (auto [h, n] : uses) {
            all_used = all_used && n > 0;
            twice = twice || n == 2;
          }
          LOCKSTEP_ASSERT(!(all_used && twice));
        });
        machine.Run(tc);
      },
      Quiet().TestCases(1000));
  ASSERT_FALSE(result.passed);
  EXPECT_EQ(ProgramOf(result.failure().message),
            "  program (3 steps):\n"
            "    auto h1 = t.Make();  // -> 0\n"
            "    t.Use(h1);\n"
            "    t.Use(h1);");
}

TEST(Stateful, AnExplicitExampleIsAUsageErrorNamingTheProblem) {
  lockstep::Result result = lockstep::Check(
      "examples",
      [](lockstep::TestCase& tc) {
        StateMachine<Counter> machine;
        machine.Command<void()>("Reset").Run([](Counter& c) { c.value = 0; });
        machine.Run(tc);
      },
      Quiet().Example(3));
  EXPECT_FALSE(result.passed);
  EXPECT_NE(result.error.find("explicit example 1: Settings::Example does not "
                              "apply to a stateful test"),
            std::string::npos)
      << result.error;
}

// LOCKSTEP_TEST with a machine: a passing one, with the test's settings.
LOCKSTEP_TEST_S(Stateful, RunsInsideLockstepTest, Quiet().MaxSteps(10)) {
  StateMachine<Counter, int> machine([] { return std::make_unique<Counter>(); },
                                     0);
  machine.Command<int()>("Next")
      .Run([](Counter& c) { return ++c.value; })
      .Next([](int& m) { return ++m; });
  machine.Invariant("positive", [](const int& m, const Counter& c) {
    EXPECT_EQ(m, c.value);
  });
  machine.Run(tc);
}

}  // namespace
