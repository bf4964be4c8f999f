// Scenario bounds that make no sense are errors that name the bound; a
// run's history prints as a table with one column per thread.
#include <string>
#include <vector>

#include "client/concurrent/scenario_run.h"
#include "client/concurrent/scenario_shape.h"
#include "client/concurrent/scenario_table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lockstep::concurrent {
namespace {

using linearizability::Operation;
using ::testing::HasSubstr;

TEST(ScenarioShape, DefaultsAreValidAndSmall) {
  ScenarioShape shape;
  EXPECT_TRUE(shape.Validate().ok());
  EXPECT_EQ(shape.threads, 2u);
  EXPECT_EQ(shape.ops_per_thread, 5u);
  EXPECT_EQ(shape.prefix, 2u);
  EXPECT_EQ(shape.suffix, 2u);
  EXPECT_EQ(shape.repeats, 10u);
}

TEST(ScenarioShape, OutOfRangeBoundsAreNamed) {
  absl::Status zero_threads = ScenarioShape().Threads(0).Validate();
  EXPECT_EQ(zero_threads.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(zero_threads.message()),
              HasSubstr("threads is 0; it must be between 1 and 64"));
  EXPECT_THAT(std::string(ScenarioShape().OpsPerThread(0).Validate().message()),
              HasSubstr("ops_per_thread is 0"));
  EXPECT_THAT(std::string(ScenarioShape().Repeats(0).Validate().message()),
              HasSubstr("repeats is 0"));
  EXPECT_THAT(std::string(ScenarioShape().Prefix(101).Validate().message()),
              HasSubstr("prefix is 101"));
  EXPECT_TRUE(ScenarioShape().Threads(1).Suffix(0).Validate().ok());
}

TEST(ScenarioTable, PrefixColumnsPerThreadThenSuffix) {
  std::vector<Operation> history = {
      {internal::kPrefixThread, 0, 1, "q.Push(1)", "true"},
      {internal::ThreadName(0), 2, 5, "q.Pop()", "1"},
      {internal::ThreadName(1), 2, 6, "q.Pop()", "1"},
      {internal::ThreadName(0), 6, 7, "q.Size()", "-1"},
      {internal::kSuffixThread, 8, 9, "q.Size()", "-1"}};
  EXPECT_EQ(internal::FormatScenarioTable(history, "  "),
            "  prefix:\n"
            "    q.Push(1) -> true\n"
            "  thread 1       | thread 2\n"
            "  q.Pop() -> 1   | q.Pop() -> 1\n"
            "  q.Size() -> -1 |\n"
            "  suffix:\n"
            "    q.Size() -> -1\n");
}

TEST(ScenarioTable, ThreadsOnlyWhenThereIsNoPrefixOrSuffix) {
  std::vector<Operation> history = {
      {internal::ThreadName(0), 0, 5, "c.Increment()", "1"},
      {internal::ThreadName(1), 0, 6, "c.Increment()", "1"}};
  EXPECT_EQ(internal::FormatScenarioTable(history, ""),
            "thread 1           | thread 2\n"
            "c.Increment() -> 1 | c.Increment() -> 1\n");
}

}  // namespace
}  // namespace lockstep::concurrent
