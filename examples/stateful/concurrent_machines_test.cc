// Stateful tests of different systems running at once, each on its own
// thread, over the one shared engine: a machine and its pools are owned by
// the thread running its program, so the runs do not interfere (and,
// under --config=tsan, share nothing unsynchronized).
#include <string>
#include <thread>
#include <vector>

#include "client/lockstep.h"
#include "examples/stateful/machines.h"
#include "gtest/gtest.h"

namespace examples {
namespace {

using Program = void (*)(lockstep::TestCase&, bool);

TEST(ConcurrentMachines, FourMachinesOnFourThreads) {
  const std::vector<std::pair<std::string, Program>> machines = {
      {"queue", QueueProgram},
      {"kv", KvStoreProgram},
      {"allocator", AllocatorProgram},
      {"files", FileTableProgram}};
  std::vector<lockstep::Result> correct(machines.size());
  std::vector<lockstep::Result> buggy(machines.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < machines.size(); ++i) {
    threads.emplace_back([&machines, &correct, &buggy, i] {
      Program program = machines[i].second;
      correct[i] = lockstep::Check(
          machines[i].first + " correct",
          [program](lockstep::TestCase& tc) { program(tc, false); },
          lockstep::Settings().TestCases(200).NoDatabase());
      buggy[i] = lockstep::Check(
          machines[i].first + " buggy",
          [program](lockstep::TestCase& tc) { program(tc, true); },
          lockstep::Settings().Seed(7).NoDatabase());
    });
  }
  for (std::thread& thread : threads) thread.join();
  const char* minimal[] = {kQueueMinimal, kKvStoreMinimal, kAllocatorMinimal,
                           kFileTableMinimal};
  for (size_t i = 0; i < machines.size(); ++i) {
    EXPECT_TRUE(correct[i].passed) << correct[i].Report(machines[i].first);
    ASSERT_FALSE(buggy[i].passed) << machines[i].first;
    EXPECT_EQ(ProgramOf(buggy[i].failure().message), minimal[i]);
  }
}

}  // namespace
}  // namespace examples
