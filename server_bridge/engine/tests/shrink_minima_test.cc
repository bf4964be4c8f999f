// End-to-end engine runs on synthetic properties with known minimal
// counterexamples: generation must find the failure and shrinking must reach
// the minimum.
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "server_bridge/engine/engine.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/protocol/choice_source.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::ChoiceSource;

namespace {

// A list drawn Hypothesis-style: a "more?" boolean before each element, each
// element in its own span.
std::vector<int64_t> DrawList(ChoiceSource& source, int64_t min, int64_t max,
                              size_t max_size = 50) {
  std::vector<int64_t> values;
  source.StartSpan("list");
  while (values.size() < max_size && source.DrawBoolean(0.8)) {
    source.StartSpan("element");
    values.push_back(source.DrawInteger(min, max));
    source.EndSpan();
  }
  source.EndSpan();
  return values;
}

std::vector<int64_t> Integers(const ChoiceSequence& choices) {
  std::vector<int64_t> values;
  for (const Choice& c : choices) {
    if (c.kind == ChoiceKind::kInteger) values.push_back(c.integer);
  }
  return values;
}

Report RunProperty(const std::string& name,
                   std::function<void(ChoiceSource&)> body,
                   uint32_t test_cases = 200) {
  Settings settings;
  settings.test_cases = test_cases;
  settings.derandomize = true;
  Engine engine(name, settings, PropertyFunction(std::move(body)));
  return engine.Run();
}

void Fail(const std::string& origin = "property") {
  throw protocol::CaseFailure("failed", origin);
}

TEST(ShrinkMinimaTest, ListWhoseSumExceeds1000ShrinksToOneElement1001) {
  Report report = RunProperty("sum", [](ChoiceSource& s) {
    std::vector<int64_t> v = DrawList(s, 0, 10000);
    if (std::accumulate(v.begin(), v.end(), int64_t{0}) > 1000) Fail();
  });
  ASSERT_FALSE(report.passed);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices), std::vector<int64_t>{1001});
  EXPECT_EQ(report.failures[0].choices.size(), 3u);  // more?, 1001, stop
  EXPECT_FALSE(report.failures[0].flaky);
}

TEST(ShrinkMinimaTest, IntegerAtLeast500ShrinksTo500) {
  Report report = RunProperty("threshold", [](ChoiceSource& s) {
    if (s.DrawInteger(0, 100000) >= 500) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices), std::vector<int64_t>{500});
}

TEST(ShrinkMinimaTest, NegativeThresholdShrinksToTheBoundary) {
  Report report = RunProperty("negative", [](ChoiceSource& s) {
    if (s.DrawInteger(-100000, 100000) < -10) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices), std::vector<int64_t>{-11});
}

TEST(ShrinkMinimaTest, SumOfPairRedistributesToTheSecond) {
  Report report = RunProperty("pair", [](ChoiceSource& s) {
    int64_t a = s.DrawInteger(0, 1000);
    int64_t b = s.DrawInteger(0, 1000);
    if (a + b >= 1000) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices),
            (std::vector<int64_t>{0, 1000}));
}

TEST(ShrinkMinimaTest, ThreeLargeElementsShrinkTogether) {
  Report report = RunProperty("three", [](ChoiceSource& s) {
    std::vector<int64_t> v = DrawList(s, 0, 1000);
    if (std::count_if(v.begin(), v.end(), [](int64_t x) { return x >= 10; }) >=
        3)
      Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices),
            (std::vector<int64_t>{10, 10, 10}));
}

TEST(ShrinkMinimaTest, BytesOfLengthFiveShrinkToZeros) {
  Report report = RunProperty("bytes", [](ChoiceSource& s) {
    if (s.DrawBytes(0, 100).size() >= 5) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  ASSERT_EQ(report.failures[0].choices.size(), 1u);
  EXPECT_EQ(report.failures[0].choices[0].bytes, std::string(5, '\0'));
}

TEST(ShrinkMinimaTest, BooleanTrueIsItsOwnMinimum) {
  Report report = RunProperty("boolean", [](ChoiceSource& s) {
    if (s.DrawBoolean(0.5)) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  ASSERT_EQ(report.failures[0].choices.size(), 1u);
  EXPECT_TRUE(report.failures[0].choices[0].boolean);
}

TEST(ShrinkMinimaTest, FloatAboveOneAndAHalfShrinksToTwo) {
  Report report = RunProperty("float", [](ChoiceSource& s) {
    if (s.DrawFloat(-1e6, 1e6, false, false) > 1.5) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  ASSERT_EQ(report.failures[0].choices.size(), 1u);
  EXPECT_EQ(report.failures[0].choices[0].floating, 2.0);
}

TEST(ShrinkMinimaTest, SecondElementLargeShrinksFirstToZero) {
  Report report = RunProperty("second", [](ChoiceSource& s) {
    std::vector<int64_t> v = DrawList(s, 0, 1000);
    if (v.size() >= 2 && *std::max_element(v.begin(), v.end()) > 100) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices),
            (std::vector<int64_t>{0, 101}));
}

TEST(ShrinkMinimaTest, NestedListsShrinkToOneInnerList) {
  Report report = RunProperty("nested", [](ChoiceSource& s) {
    s.StartSpan("outer");
    bool bad = false;
    while (s.DrawBoolean(0.6)) {
      std::vector<int64_t> inner = DrawList(s, 0, 100, 10);
      if (std::accumulate(inner.begin(), inner.end(), int64_t{0}) > 10)
        bad = true;
    }
    s.EndSpan();
    if (bad) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices), std::vector<int64_t>{11});
}

TEST(ShrinkMinimaTest, EqualPairShrinksTogether) {
  Report report = RunProperty("equal", [](ChoiceSource& s) {
    int64_t x = s.DrawInteger(0, 1000);
    int64_t y = s.DrawInteger(0, 1000);
    if (x == y && x > 50) Fail();
  });
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(Integers(report.failures[0].choices),
            (std::vector<int64_t>{51, 51}));
}

TEST(ShrinkMinimaTest, ByteAboveAShrinksToOneByte) {
  Report report = RunProperty("letter", [](ChoiceSource& s) {
    std::string text = s.DrawBytes(0, 20);
    if (std::any_of(text.begin(), text.end(), [](char c) {
          return static_cast<unsigned char>(c) > 'a';
        })) {
      Fail();
    }
  });
  ASSERT_EQ(report.failures.size(), 1u);
  ASSERT_EQ(report.failures[0].choices.size(), 1u);
  EXPECT_EQ(report.failures[0].choices[0].bytes, "b");
}

TEST(ShrinkMinimaTest, DistinctOriginsAreShrunkSeparately) {
  Report report = RunProperty("two bugs", [](ChoiceSource& s) {
    int64_t x = s.DrawInteger(-1000, 1000);
    if (x > 10) Fail("too big");
    if (x < -10) Fail("too small");
  });
  ASSERT_EQ(report.failures.size(), 2u);
  for (const Failure& failure : report.failures) {
    if (failure.origin == "too big") {
      EXPECT_EQ(Integers(failure.choices), std::vector<int64_t>{11});
    } else {
      EXPECT_EQ(failure.origin, "too small");
      EXPECT_EQ(Integers(failure.choices), std::vector<int64_t>{-11});
    }
  }
}

TEST(ShrinkMinimaTest, PassingPropertyRunsTheRequestedNumberOfCases) {
  Report report = RunProperty(
      "passes", [](ChoiceSource& s) { DrawList(s, 0, 100); }, 100);
  EXPECT_TRUE(report.passed);
  EXPECT_TRUE(report.failures.empty());
  EXPECT_EQ(report.valid, 100u);
}

}  // namespace
}  // namespace lockstep::engine
