// Generation batches: the engine asks for many random cases in one call of a
// BatchFunction, and the search finds, counts and shrinks exactly as it does
// a case at a time.
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "server_bridge/engine/engine.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/protocol/choice_source.h"
#include "server_bridge/protocol/digest.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;
using protocol::ChoiceSource;
using protocol::Digest;
using protocol::Directive;
using protocol::Outcome;

namespace {

using Body = std::function<void(ChoiceSource&)>;

// Counts the engine's single calls and batch calls of one body.
struct CountedRun {
  Report report;
  int single_calls = 0;
  int batch_calls = 0;
  std::vector<uint32_t> batch_sizes;
};

CountedRun RunBatched(const std::string& name, Settings settings,
                      const Body& body) {
  CountedRun counted;
  TestFunction single = PropertyFunction(body);
  BatchFunction batch = PropertyBatchFunction(body);
  counted.report = Engine(
                       name, settings,
                       [&](const Directive& directive) {
                         ++counted.single_calls;
                         return single(directive);
                       },
                       [&](const Directive& directive) {
                         ++counted.batch_calls;
                         counted.batch_sizes.push_back(directive.batch_size);
                         return batch(directive);
                       })
                       .Run();
  return counted;
}

Settings Derandomized(uint32_t test_cases) {
  Settings settings;
  settings.derandomize = true;
  settings.test_cases = test_cases;
  return settings;
}

TEST(GenerationBatchTest, APassingTestTakesTheSimplestCaseThenBatches) {
  CountedRun run = RunBatched("wide", Derandomized(2500), [](ChoiceSource& s) {
    // Far from zero, so that no draw comes from the small values and no
    // case repeats another.
    s.DrawInteger(1000, int64_t{1} << 40);
  });
  EXPECT_TRUE(run.report.passed);
  EXPECT_EQ(run.report.valid, 2500u);
  EXPECT_EQ(run.report.calls, 2500u);
  EXPECT_EQ(run.single_calls, 1);  // the simplest case
  EXPECT_EQ(run.batch_sizes, (std::vector<uint32_t>{1000, 1000, 499}));
}

TEST(GenerationBatchTest, SummarizedRunsCountAsDistinctCases) {
  int invocations = 0;
  CountedRun run = RunBatched("heavy", Derandomized(300), [&](ChoiceSource& s) {
    ++invocations;
    for (int i = 0; i < 100; ++i) s.DrawInteger(0, 1000);
  });
  EXPECT_TRUE(run.report.passed);
  EXPECT_EQ(run.report.valid, 300u);
  EXPECT_EQ(invocations, 300);
  EXPECT_EQ(run.batch_calls, 1);
}

TEST(GenerationBatchTest, RejectedCasesAreAskedForAgain) {
  CountedRun run =
      RunBatched("half rejected", Derandomized(400), [](ChoiceSource& s) {
        if (s.DrawInteger(0, 1'000'000'000) % 2 == 1) {
          throw protocol::CaseRejected{};
        }
      });
  EXPECT_TRUE(run.report.passed);
  // Valid cases and repeats of valid cases make the 400 asked for.
  EXPECT_GE(run.report.valid, 300u);
  EXPECT_LE(run.report.valid, 400u);
  EXPECT_GT(run.report.invalid, 100u);
  EXPECT_GE(run.batch_calls, 3);
  // Each batch asks for the valid cases still missing.
  for (size_t i = 1; i < run.batch_sizes.size(); ++i) {
    EXPECT_LE(run.batch_sizes[i], run.batch_sizes[i - 1]);
  }
}

TEST(GenerationBatchTest, AFailureInABatchEndsItAndIsShrunk) {
  int invocations = 0;
  CountedRun run = RunBatched("sum", Derandomized(1000), [&](ChoiceSource& s) {
    ++invocations;
    int64_t sum = 0;
    for (int i = 0; i < 50; ++i) {
      s.StartSpan("element");
      sum += s.DrawInteger(0, 100);
      s.EndSpan();
    }
    if (sum > 2600) throw protocol::CaseFailure("too large", "sum");
  });
  ASSERT_EQ(run.report.failures.size(), 1u);
  const Failure& failure = run.report.failures[0];
  EXPECT_EQ(failure.origin, "sum");
  // Minimal: 50 choices summing to exactly 2601, in shortlex order the
  // leading ones 0 and the trailing ones 100.
  ASSERT_EQ(failure.choices.size(), 50u);
  int64_t sum = 0;
  for (const Choice& choice : failure.choices) sum += choice.integer;
  EXPECT_EQ(sum, 2601);
  EXPECT_EQ(failure.choices.back().integer, 100);
  // The batch stopped at the failure: no run after it was made before the
  // search went on a case at a time.
  EXPECT_EQ(run.batch_calls, 1);
  EXPECT_GT(run.single_calls, 1);
}

TEST(GenerationBatchTest, ASmallSpaceFallsBackToNovelPrefixesAndIsExhausted) {
  std::set<std::string> runs;
  CountedRun run =
      RunBatched("three booleans", Derandomized(100), [&](ChoiceSource& s) {
        std::string drawn;
        for (int i = 0; i < 3; ++i) drawn += s.DrawBoolean(0.5) ? '1' : '0';
        runs.insert(drawn);
      });
  EXPECT_TRUE(run.report.passed);
  EXPECT_TRUE(run.report.exhausted);
  EXPECT_EQ(run.report.valid, 8u);
  EXPECT_EQ(runs.size(), 8u);
  EXPECT_EQ(run.batch_calls, 1);
}

TEST(GenerationBatchTest, FindsTheOneFailingValueOfASmallRange) {
  CountedRun run =
      RunBatched("small range", Derandomized(300), [](ChoiceSource& s) {
        int64_t a = s.DrawInteger(0, 15);
        int64_t b = s.DrawInteger(0, 15);
        if (a == 13 && b == 2) throw protocol::CaseFailure("", "needle");
      });
  ASSERT_EQ(run.report.failures.size(), 1u) << run.report.calls << " calls";
  EXPECT_EQ(
      run.report.failures[0].choices,
      (ChoiceSequence{Choice::Integer(13, 0, 15), Choice::Integer(2, 0, 15)}));
}

TEST(GenerationBatchTest, BatchedRunsAreReproducibleFromTheSeed) {
  auto body = [](ChoiceSource& s) {
    int64_t x = s.DrawInteger(-1'000'000, 1'000'000);
    if (x > 999'000) throw protocol::CaseFailure("", "big");
  };
  Settings settings = Derandomized(5000);
  settings.shrink = false;
  CountedRun a = RunBatched("repeat", settings, body);
  CountedRun b = RunBatched("repeat", settings, body);
  ASSERT_EQ(a.report.failures.size(), 1u);
  EXPECT_EQ(a.report.calls, b.report.calls);
  EXPECT_EQ(a.report.failures[0].choices, b.report.failures[0].choices);
}

TEST(GenerationBatchTest, RepeatsAreNotNewCasesButUseTheBudget) {
  // A batch function that answers with the same summarized run throughout.
  Settings settings = Derandomized(100);
  int batch_calls = 0;
  Report report =
      Engine("stuck", settings, PropertyFunction([](ChoiceSource& s) {
               s.DrawInteger(0, int64_t{1} << 40);
             }),
             [&](const Directive& directive) {
               ++batch_calls;
               Outcome same;
               same.summarized = true;
               same.digest = 42;
               same.choice_count = 100;
               return std::vector<Outcome>(directive.batch_size, same);
             })
          .Run();
  EXPECT_TRUE(report.passed);
  // The simplest case, then a batch of 99 that gave one new case and 98
  // repeats: test_cases bounds the bodies run, repeats included.
  EXPECT_EQ(report.valid, 2u);
  EXPECT_EQ(report.repeats, 98u);
  EXPECT_EQ(batch_calls, 1);
  EXPECT_EQ(report.calls, 100u);
}

TEST(DigestTest, EqualSequencesAgreeAndDifferentOnesDiffer) {
  ChoiceSequence a = {Choice::Integer(5, 0, 10), Choice::Boolean(true),
                      Choice::Bytes("abc", 0, 10), Choice::Float(1.5, 0, 2)};
  ChoiceSequence same = a;
  EXPECT_EQ(Digest(a), Digest(same));
  std::set<uint64_t> digests = {Digest(a)};
  ChoiceSequence b = a;
  b[0] = b[0].WithInteger(6);
  digests.insert(Digest(b));
  ChoiceSequence c = a;
  c[2] = c[2].WithBytes("abd");
  digests.insert(Digest(c));
  ChoiceSequence d = a;
  d.pop_back();
  digests.insert(Digest(d));
  ChoiceSequence e = {Choice::Integer(1, 0, 10)};
  ChoiceSequence f = {Choice::Boolean(true)};  // same bits, another kind
  digests.insert(Digest(e));
  digests.insert(Digest(f));
  EXPECT_EQ(digests.size(), 6u);
}

TEST(DigestTest, FollowsTheProtocolsAlgorithm) {
  // Computed from PROTOCOL.md's text by an independent implementation.
  EXPECT_EQ(Digest({}), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(Digest({Choice::Integer(-5, -10, 10), Choice::Float(1.5, 0, 2),
                    Choice::Boolean(true), Choice::Bytes("abcdefghi", 0, 10)}),
            0x41223445C7BDF193ULL);
}

}  // namespace
}  // namespace lockstep::engine
