// Isolation mode (Settings::isolate): each case runs in a forked child, so
// a crash, a hang past the case deadline or a sanitizer report is a failure
// like any other: found, shrunk to the same minimum as the equivalent
// assertion failure, reported with its draws, and saved and replayed.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "client/isolated_case.h"
#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace lockstep {
namespace {

Settings Isolated() { return Settings().Seed(42).NoDatabase().Isolate(); }

std::vector<std::string> Values(const Failure& failure) {
  std::vector<std::string> values;
  for (const DrawnValue& draw : failure.draws) values.push_back(draw.value);
  return values;
}

// A list whose sum above 1000 is a bug: as an assertion, or as a crash.
int SumOfList(TestCase& tc) {
  std::vector<int> list =
      tc.Draw("list", gen::VectorOf(gen::Integers<int>(0, 1000), 0, 10));
  return std::accumulate(list.begin(), list.end(), 0);
}

TEST(IsolationTest, ACrashShrinksToTheAssertionFailuresMinimum) {
  Result asserted = Check(
      "sum asserted",
      [](TestCase& tc) { LOCKSTEP_ASSERT(SumOfList(tc) <= 1000); }, Isolated());
  Result crashed = Check(
      "sum crashes",
      [](TestCase& tc) {
        if (SumOfList(tc) > 1000) {
#if defined(__SANITIZE_THREAD__)
          // TSan leaves a null store unfaulted here: crash for real.
          raise(SIGSEGV);
#else
          int* volatile pointer = nullptr;
          *pointer = 1;
#endif
        }
      },
      Isolated());
  ASSERT_EQ(asserted.failures.size(), 1u) << asserted.Report("asserted");
  ASSERT_EQ(crashed.failures.size(), 1u) << crashed.Report("crashed");
  EXPECT_EQ(Values(crashed.failure()), Values(asserted.failure()));
  EXPECT_EQ(Values(crashed.failure()), std::vector<std::string>{"{1, 1000}"});
  EXPECT_TRUE(absl::StartsWith(crashed.failure().origin, "crash: "))
      << crashed.failure().origin;
  EXPECT_TRUE(absl::StrContains(crashed.failure().message, "the body crashed"))
      << crashed.failure().message;
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // A sanitizer reports a null store before it is a signal.
  EXPECT_EQ(crashed.failure().origin, "crash: SIGSEGV");
#endif
  EXPECT_FALSE(crashed.failure().flaky);
}

TEST(IsolationTest, AHangShrinksToAMinimalHangingInput) {
  Result result = Check(
      "hangs",
      [](TestCase& tc) {
        int x = tc.Draw("x", gen::Integers<int>(0, 1000));
        while (x >= 300) std::this_thread::sleep_for(std::chrono::seconds(1));
      },
      Isolated().CaseDeadline(absl::Milliseconds(100)).TestCases(50));
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("hangs");
  EXPECT_EQ(Values(result.failure()), std::vector<std::string>{"300"});
  EXPECT_EQ(result.failure().origin, "crash: deadline");
  EXPECT_TRUE(absl::StrContains(result.failure().message,
                                "ran past the case deadline (100ms)"))
      << result.failure().message;
}

TEST(IsolationTest, ExitAndAbortAreFailuresWithTheirOwnOrigins) {
  Result result = Check(
      "exits or aborts",
      [](TestCase& tc) {
        int x = tc.Draw("x", gen::Integers<int>(0, 1000));
        if (x >= 700) std::abort();
        if (x >= 400) std::exit(3);
      },
      Isolated().TestCases(300));
  ASSERT_EQ(result.failures.size(), 2u) << result.Report("exits or aborts");
  std::vector<std::string> origins;
  for (const Failure& failure : result.failures) {
    origins.push_back(failure.origin + " at " + Values(failure)[0]);
  }
  std::sort(origins.begin(), origins.end());
  EXPECT_EQ(origins, (std::vector<std::string>{"crash: SIGABRT at 700",
                                               "crash: exit 3 at 400"}));
}

TEST(IsolationTest, PassingCasesRunAndAssertionsFailAsUsual) {
  int parent_runs = 0;
  Result passing = Check(
      "passes isolated",
      [&parent_runs](TestCase& tc) {
        tc.Draw(gen::Integers<int>(0, 1000000));
        ++parent_runs;  // in the child's copy only
      },
      Isolated().TestCases(40));
  EXPECT_TRUE(passing.passed) << passing.Report("passes isolated");
  // A repeat counts against the cases asked for.
  EXPECT_EQ(passing.test_cases_run + passing.repeats, 40u);
  EXPECT_GE(passing.test_cases_run, 30u);
  EXPECT_EQ(parent_runs, 0);

  Result failing = Check(
      "fails isolated",
      [](TestCase& tc) {
        int x = tc.Draw("x", gen::Integers<int>(0, 1000));
        tc.Note("noted in the child");
        LOCKSTEP_ASSERT(x < 10);
      },
      Isolated());
  ASSERT_EQ(failing.failures.size(), 1u) << failing.Report("fails isolated");
  EXPECT_EQ(Values(failing.failure()), std::vector<std::string>{"10"});
  EXPECT_EQ(failing.failure().notes,
            std::vector<std::string>{"noted in the child"});
  EXPECT_FALSE(absl::StartsWith(failing.failure().origin, "crash: "));
}

TEST(IsolationTest, EveryKindOfDrawComesBackFromTheChild) {
  Result result = Check(
      "kinds",
      [](TestCase& tc) {
        std::string s = tc.Draw("s", gen::Text(0, 10));
        bool b = tc.Draw("b", gen::Booleans());
        double f = tc.Draw("f", gen::Floats<double>(0, 1));
        int x = tc.Draw("x", gen::Integers<int>(0, 1000));
        LOCKSTEP_ASSERT(x < 10 || s.empty() == false || b || f > 2);
      },
      Isolated());
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("kinds");
  EXPECT_EQ(Values(result.failure()),
            (std::vector<std::string>{"\"\"", "false", "0", "10"}));
}

TEST(IsolationTest, SanitizerReportsNameTheirKind) {
  EXPECT_EQ(
      internal::SanitizerReport(
          "==1==ERROR: AddressSanitizer: heap-buffer-overflow on ...\n"
          "SUMMARY: AddressSanitizer: heap-buffer-overflow a.cc:3 in f\n"),
      "AddressSanitizer: heap-buffer-overflow");
  EXPECT_EQ(internal::SanitizerReport(
                "WARNING: ThreadSanitizer: data race (pid=1)\n"
                "SUMMARY: ThreadSanitizer: data race a.cc:9 in g\n"),
            "ThreadSanitizer: data race");
  EXPECT_EQ(internal::SanitizerReport(
                "ThreadSanitizer:DEADLYSIGNAL\n==7==ERROR: ThreadSanitizer: "
                "SEGV on unknown address 0x000000006b88 (pc 0x7f3)\n"),
            "ThreadSanitizer: SEGV");
  EXPECT_EQ(internal::SanitizerReport("a.cc:3:5: runtime error: signed "
                                      "integer overflow\n"),
            "UndefinedBehaviorSanitizer: undefined-behavior");
  EXPECT_EQ(internal::SanitizerReport("all fine\n"), "");
}

#if defined(__SANITIZE_ADDRESS__)
TEST(IsolationTest, AnAddressSanitizerReportIsAFailure) {
  Result result = Check(
      "overflows",
      [](TestCase& tc) {
        int n = tc.Draw("n", gen::Integers<int>(0, 100));
        std::vector<int> v(10);
        volatile int sink = v.data()[n];  // past the end from n = 10
        (void)sink;
      },
      Isolated());
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("overflows");
  EXPECT_EQ(Values(result.failure()), std::vector<std::string>{"10"});
  EXPECT_EQ(result.failure().origin,
            "crash: AddressSanitizer: heap-buffer-overflow");
}
#endif

}  // namespace
}  // namespace lockstep
