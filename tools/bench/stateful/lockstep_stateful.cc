// lockstep's side of the stateful bench (run_stateful.py):
//
//   lockstep_stateful quality SEEDS    each example machine over seeds
//                                      1..SEEDS: whether the minimal
//                                      program is the known one, shrink calls
//   lockstep_stateful throughput CASES the trivial two-command machine:
//                                      steps per second
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "client/lockstep.h"
#include "client/stateful.h"
#include "examples/stateful/machines.h"

namespace {

using Program = void (*)(lockstep::TestCase&, bool);

struct Machine {
  const char* name;
  Program program;
  const char* minimal;
};

int Quality(int seeds) {
  const Machine machines[] = {
      {"queue", examples::QueueProgram, examples::kQueueMinimal},
      {"kv", examples::KvStoreProgram, examples::kKvStoreMinimal},
      {"allocator", examples::AllocatorProgram, examples::kAllocatorMinimal},
      {"files", examples::FileTableProgram, examples::kFileTableMinimal},
  };
  for (const Machine& machine : machines) {
    for (int seed = 1; seed <= seeds; ++seed) {
      Program program = machine.program;
      lockstep::Result result = lockstep::Check(
          machine.name,
          [program](lockstep::TestCase& tc) { program(tc, true); },
          lockstep::Settings().Seed(seed).NoDatabase());
      // A bug can fail more than one check (the key-value store's stale
      // entry fails Get, and Delete after a Put reuses the slot): the
      // known minimum is that of the check it names.
      bool exact = false;
      for (const lockstep::Failure& failure : result.failures) {
        exact =
            exact || examples::ProgramOf(failure.message) == machine.minimal;
      }
      std::printf(
          "quality %s seed=%d exact=%d shrink_calls=%llu cases=%llu "
          "seconds=%.3f\n",
          machine.name, seed, exact ? 1 : 0,
          static_cast<unsigned long long>(result.shrink_calls),
          static_cast<unsigned long long>(result.test_cases_run),
          result.seconds);
      for (const lockstep::Failure& failure : result.failures) {
        if (exact) break;
        std::printf("  got:\n%s\n", failure.message.c_str());
      }
    }
  }
  return 0;
}

struct Counter {
  int value = 0;
};

int Throughput(uint32_t cases) {
  // Starts the engine first, so the timing leaves its start-up out.
  lockstep::Check(
      "warm up", [](lockstep::TestCase&) {},
      lockstep::Settings().TestCases(1).NoDatabase());
  long steps = 0;
  auto start = std::chrono::steady_clock::now();
  lockstep::Result result = lockstep::Check(
      "trivial",
      [&steps](lockstep::TestCase& tc) {
        lockstep::stateful::StateMachine<Counter, int> machine(
            [] { return std::make_unique<Counter>(); }, 0);
        machine.Command<int()>("Inc")
            .Run([&steps](Counter& c) {
              ++steps;
              return ++c.value;
            })
            .Next([](int& m) { return ++m; });
        machine.Command<int()>("Dec")
            .Run([&steps](Counter& c) {
              ++steps;
              return --c.value;
            })
            .Next([](int& m) { return --m; });
        machine.Run(tc);
      },
      lockstep::Settings().TestCases(cases).Seed(1).NoDatabase());
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "throughput passed=%d cases=%llu steps=%ld seconds=%.3f "
      "steps_per_second=%.0f\n",
      result.passed ? 1 : 0,
      static_cast<unsigned long long>(result.test_cases_run), steps, seconds,
      steps / seconds);
  return result.passed ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  int n = argc > 2 ? std::atoi(argv[2]) : 0;
  if (mode == "quality" && n > 0) return Quality(n);
  if (mode == "throughput" && n > 0) return Throughput(n);
  std::fprintf(stderr, "usage: %s quality SEEDS | throughput CASES\n", argv[0]);
  return 2;
}
