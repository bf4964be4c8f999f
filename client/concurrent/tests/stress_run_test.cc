// The stress runner's threads: all released together, all joined, and
// what each body threw comes back to the caller.
#include "client/concurrent/stress_run.h"

#include <atomic>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lockstep::concurrent {
namespace {

TEST(RunTogether, EveryBodyRunsOnItsOwnThreadAndIsJoined) {
  constexpr size_t kThreads = 4;
  std::vector<std::thread::id> ids(kThreads);  // ids[i] written by body(i)
  std::vector<std::exception_ptr> errors = RunTogether(
      kThreads, [&ids](size_t i) { ids[i] = std::this_thread::get_id(); });
  ASSERT_EQ(errors.size(), kThreads);
  for (size_t i = 0; i < kThreads; ++i) {
    EXPECT_EQ(errors[i], nullptr);
    EXPECT_NE(ids[i], std::thread::id());
    EXPECT_NE(ids[i], std::this_thread::get_id());
    for (size_t j = 0; j < i; ++j) EXPECT_NE(ids[i], ids[j]);
  }
}

TEST(RunTogether, NoBodyStartsBeforeEveryThreadHasArrived) {
  // Each body waits (bounded) for all bodies to be running at once: only
  // possible if they were released together, not run one after another.
  constexpr size_t kThreads = 3;
  std::atomic<size_t> running{0};
  // saw_all[i] is written by body(i) only (a vector<char>: vector<bool>
  // packs neighbours into one word, which would be a real data race).
  std::vector<char> saw_all(kThreads, 0);
  RunTogether(kThreads, [&running, &saw_all](size_t i) {
    running.fetch_add(1);
    absl::Time deadline = absl::Now() + absl::Seconds(20);
    while (running.load() < kThreads && absl::Now() < deadline) {
      std::this_thread::yield();
    }
    saw_all[i] = running.load() == kThreads;
  });
  for (size_t i = 0; i < kThreads; ++i) EXPECT_TRUE(saw_all[i]) << i;
}

TEST(RunTogether, ExceptionsComeBackPerThread) {
  std::vector<std::exception_ptr> errors = RunTogether(3, [](size_t i) {
    if (i == 1) throw std::runtime_error("thread 1 failed");
  });
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0], nullptr);
  EXPECT_EQ(errors[2], nullptr);
  ASSERT_NE(errors[1], nullptr);
  try {
    std::rethrow_exception(errors[1]);
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "thread 1 failed");
  }
}

TEST(RunTogether, ZeroThreadsRunsNothing) {
  bool ran = false;
  EXPECT_TRUE(RunTogether(0, [&ran](size_t) { ran = true; }).empty());
  EXPECT_FALSE(ran);
}

TEST(MonotonicNanos, NeverGoesBackwards) {
  int64_t previous = MonotonicNanos();
  for (int i = 0; i < 1000; ++i) {
    int64_t now = MonotonicNanos();
    EXPECT_GE(now, previous);
    previous = now;
  }
}

}  // namespace
}  // namespace lockstep::concurrent
