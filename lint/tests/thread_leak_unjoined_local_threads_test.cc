// concurrency-thread-leak, a local std::thread that can be destroyed while
// still joinable: positive cases (a finding on each
// "// WARN" line) and negative cases (no finding).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-thread-leak";

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

}  // namespace
}  // namespace lockstep::lint::testing
