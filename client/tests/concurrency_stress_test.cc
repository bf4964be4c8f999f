// 32 threads x 200 Check calls over the one shared engine. Run under
// --config=tsan it checks the client's locking; anywhere it checks that
// every test gets its own answer.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace lockstep {
namespace {

TEST(ConcurrencyStressTest, ThirtyTwoThreadsTimesTwoHundredChecks) {
  constexpr int kThreads = 32;
  constexpr int kChecksPerThread = 200;
  std::atomic<int> wrong{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &wrong, &errors] {
      Settings settings =
          Settings().TestCases(3).Derandomize(true).NoDatabase();
      for (int i = 0; i < kChecksPerThread; ++i) {
        int limit = (t * kChecksPerThread + i) % 50;
        // Every fourth check fails; its minimal example must be its own.
        bool should_fail = i % 4 == 0;
        // Enough cases that generation cannot miss the failure.
        settings.test_cases = should_fail ? 30 : 3;
        Result result = Check(
            "stress " + std::to_string(t) + "/" + std::to_string(i),
            [limit, should_fail](TestCase& tc) {
              int x = tc.Draw(gen::Integers<int>(0, 1000));
              if (should_fail && x > limit)
                throw std::runtime_error("over the limit");
            },
            settings);
        if (!result.error.empty()) ++errors;
        if (should_fail) {
          if (result.failures.size() != 1 ||
              result.failure().draws !=
                  std::vector<DrawnValue>{
                      {"draw 1", std::to_string(limit + 1)}}) {
            ++wrong;
          }
        } else if (!result.passed) {
          ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace lockstep
