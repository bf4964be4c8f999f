// The size schedule (protocol/size_schedule.h, PROTOCOL.md "Sizes"): the
// engine numbers the cases it generates and the client turns a case's
// number into a size; collections grow with it. Also how generation spends
// its budget: test_cases bounds the bodies run, repeats included, and a
// finite space is enumerated without asking for a case twice.
#include "server_bridge/protocol/size_schedule.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "server_bridge/engine/engine.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/protocol/case_runner.h"
#include "server_bridge/protocol/choice_source.h"

namespace lockstep::engine {
namespace {

using protocol::CaseSize;
using protocol::ChoiceSource;
using protocol::ContinueProbability;
using protocol::Directive;
using protocol::kNoSize;
using protocol::Outcome;

TEST(SizeScheduleTest, SizesRampOverTheCycleThenStartOver) {
  EXPECT_DOUBLE_EQ(CaseSize(100, 0), 0.01);
  EXPECT_DOUBLE_EQ(CaseSize(100, 49), 0.5);
  EXPECT_DOUBLE_EQ(CaseSize(100, 99), 1.0);
  EXPECT_DOUBLE_EQ(CaseSize(100, 100), 0.01);
  EXPECT_DOUBLE_EQ(CaseSize(1, 12345), 1.0);
  EXPECT_EQ(CaseSize(0, 7), kNoSize);
}

TEST(SizeScheduleTest, CollectionsGrowWithTheSize) {
  // The mean count beyond the minimum is p / (1 - p).
  auto mean = [](double p) { return p / (1 - p); };
  EXPECT_NEAR(mean(ContinueProbability(kNoSize, 0, 0, 100)), 5, 1e-9);
  EXPECT_NEAR(mean(ContinueProbability(0.0, 0, 0, 100)), 1, 1e-9);
  EXPECT_NEAR(mean(ContinueProbability(1.0, 0, 0, 100)), 50, 1e-9);
  EXPECT_NEAR(mean(ContinueProbability(1.0, 3, 2, 12)), 5, 1e-9);
  EXPECT_NEAR(mean(ContinueProbability(1.0, 0, 0, 1'000'000)), 50, 1e-9);
  // Full: the closing flag is fixed.
  EXPECT_EQ(ContinueProbability(1.0, 100, 0, 100), 0.0);
  EXPECT_EQ(protocol::DepthLimit(0.01, 8), 1u);
  EXPECT_EQ(protocol::DepthLimit(1.0, 8), 8u);
  EXPECT_EQ(protocol::DepthLimit(kNoSize, 8), 8u);
}

TEST(SizeScheduleTest, ABatchsCasesTakeConsecutiveNumbers) {
  Directive batch;
  batch.seed = 1;
  batch.batch_size = 5;
  batch.size_cycle = 10;
  batch.case_index = 7;
  std::vector<double> sizes;
  protocol::RunBatch(
      batch, 100,
      [&](ChoiceSource& source) {
        sizes.push_back(source.size());
        return Outcome{};
      },
      [](Outcome&) { return true; });
  ASSERT_EQ(sizes.size(), 5u);
  EXPECT_DOUBLE_EQ(sizes[0], 0.8);
  EXPECT_DOUBLE_EQ(sizes[1], 0.9);
  EXPECT_DOUBLE_EQ(sizes[2], 1.0);
  EXPECT_DOUBLE_EQ(sizes[3], 0.1);
  EXPECT_DOUBLE_EQ(sizes[4], 0.2);
}

struct Numbered {
  uint32_t cycle;
  uint64_t index;
  uint32_t cases;
};

std::vector<Numbered> GeneratedNumbers(uint32_t test_cases,
                                       uint32_t size_cycle) {
  Settings settings;
  settings.derandomize = true;
  settings.test_cases = test_cases;
  settings.size_cycle = size_cycle;
  auto body = [](ChoiceSource& s) { s.DrawInteger(0, int64_t{1} << 40); };
  TestFunction single = PropertyFunction(body);
  BatchFunction batch = PropertyBatchFunction(body);
  std::vector<Numbered> numbers;
  Engine(
      "numbers", settings,
      [&](const Directive& d) {
        numbers.push_back({d.size_cycle, d.case_index, 1});
        return single(d);
      },
      [&](const Directive& d) {
        numbers.push_back({d.size_cycle, d.case_index, d.batch_size});
        return batch(d);
      })
      .Run();
  return numbers;
}

TEST(SizeScheduleTest, TheEngineNumbersTheCasesItGenerates) {
  std::vector<Numbered> numbers = GeneratedNumbers(2500, 100);
  ASSERT_EQ(numbers.size(), 4u);  // the simplest case, then three batches
  uint64_t next = 0;
  for (const Numbered& n : numbers) {
    EXPECT_EQ(n.cycle, 100u);
    EXPECT_EQ(n.index, next);
    next += n.cases;
  }
  EXPECT_EQ(next, 2500u);
}

TEST(SizeScheduleTest, ACycleNeverExceedsTheCasesAskedFor) {
  for (const Numbered& n : GeneratedNumbers(30, 100)) EXPECT_EQ(n.cycle, 30u);
  for (const Numbered& n : GeneratedNumbers(300, 7)) EXPECT_EQ(n.cycle, 7u);
}

TEST(GenerationBudgetTest, TestCasesBoundsTheBodiesRun) {
  // 2,001 values and 5,000 cases asked for: most random draws repeat.
  Settings settings;
  settings.derandomize = true;
  settings.test_cases = 5000;
  uint64_t bodies = 0;
  auto body = [&](ChoiceSource& s) {
    ++bodies;
    s.DrawInteger(0, 2000);
  };
  Report report = Engine("budget", settings, PropertyFunction(body),
                         PropertyBatchFunction(body))
                      .Run();
  EXPECT_TRUE(report.passed);
  EXPECT_LE(bodies, 5000u);
  EXPECT_EQ(report.calls, bodies);
  EXPECT_GT(report.repeats, 0u);
  EXPECT_EQ(report.valid + report.repeats, bodies);
}

TEST(GenerationBudgetTest, AFiniteSpaceIsEnumeratedAndReportedUsedUp) {
  Settings settings;
  settings.derandomize = true;
  settings.test_cases = 100'000;
  std::vector<int64_t> single_values;
  auto body = [](ChoiceSource& s) { s.DrawInteger(0, 1000); };
  TestFunction single = PropertyFunction(body);
  Report report = Engine(
                      "one draw", settings,
                      [&](const Directive& d) {
                        Outcome outcome = single(d);
                        single_values.push_back(outcome.choices[0].integer);
                        return outcome;
                      },
                      PropertyBatchFunction(body))
                      .Run();
  EXPECT_TRUE(report.passed);
  EXPECT_TRUE(report.exhausted);
  EXPECT_EQ(report.stop_reason, "all 1,001 distinct inputs tried");
  EXPECT_EQ(report.valid, 1001u);
  // A case at a time, the engine asks only for values not run before.
  std::set<int64_t> distinct(single_values.begin(), single_values.end());
  EXPECT_EQ(distinct.size(), single_values.size());
  // Far fewer bodies than the 100,000 asked for (only batches repeat).
  EXPECT_LT(report.calls, 5000u);
}

}  // namespace
}  // namespace lockstep::engine
