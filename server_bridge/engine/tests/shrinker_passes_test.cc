// Each shrink pass, run on a case built for it, makes progress; budgets stop
// the shrinker and say so.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/engine/shrinker.h"
#include "server_bridge/protocol/choice_source.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::ChoiceSource;
using protocol::Directive;
using protocol::Outcome;
using protocol::Status;

namespace {

// Runs `body` on `prefix` once to get the failing outcome to shrink.
Outcome FailingRun(const TestFunction& test, ChoiceSequence prefix) {
  Directive directive;
  directive.prefix = std::move(prefix);
  directive.random_tail = false;
  Outcome outcome = test(directive);
  EXPECT_EQ(outcome.status, Status::kInteresting);
  return outcome;
}

ChoiceSequence ListOf(const std::vector<int64_t>& values, int64_t max) {
  ChoiceSequence choices;
  for (int64_t v : values) {
    choices.push_back(Choice::Boolean(true, 0.8));
    choices.push_back(Choice::Integer(v, 0, max));
  }
  choices.push_back(Choice::Boolean(false, 0.8));
  return choices;
}

std::vector<int64_t> DrawList(ChoiceSource& s, int64_t max) {
  std::vector<int64_t> values;
  while (s.DrawBoolean(0.8)) {
    s.StartSpan("element");
    values.push_back(s.DrawInteger(0, max));
    s.EndSpan();
  }
  return values;
}

TEST(ShrinkerPassesTest, DeletionRemovesIrrelevantElements) {
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    for (int64_t v : DrawList(s, 100)) {
      if (v == 42) throw protocol::CaseFailure("", "found 42");
    }
  });
  Shrinker shrinker(test, FailingRun(test, ListOf({7, 8, 42, 9, 10}, 100)), {},
                    8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.choices, ListOf({42}, 100));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kDeleteSpans] +
                result.improvements_by_pass[ShrinkPass::kDeleteRuns],
            0u);
  EXPECT_EQ(result.stop_reason, "fixed point");
}

TEST(ShrinkerPassesTest, DeleteAndJumpKeepsAWrappingSum) {
  // Fails when a non-empty list's sum, wrapped to 16 bits, is -32768:
  // [1, 32767] does, and so does the smaller [-32768], but no single
  // deletion or change of one value gets from one to the other.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    s.StartSpan("list");
    int32_t sum = 0;
    int count = 0;
    while (s.DrawBoolean(0.8)) {
      s.StartSpan("element");
      sum += static_cast<int32_t>(s.DrawInteger(-32768, 32767));
      s.EndSpan();
      ++count;
    }
    s.EndSpan();
    if (count > 0 && static_cast<int16_t>(sum) == -32768) {
      throw protocol::CaseFailure("", "wrapped");
    }
  });
  ChoiceSequence start = {
      Choice::Boolean(true, 0.8), Choice::Integer(1, -32768, 32767),
      Choice::Boolean(true, 0.8), Choice::Integer(32767, -32768, 32767),
      Choice::Boolean(false, 0.8)};
  Shrinker shrinker(test, FailingRun(test, start), {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.choices,
            (ChoiceSequence{Choice::Boolean(true, 0.8),
                            Choice::Integer(-32768, -32768, 32767),
                            Choice::Boolean(false, 0.8)}));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kDeleteAndJump], 0u);
}

TEST(ShrinkerPassesTest, ElementsOfSeveralChoicesGoWithTheirFlag) {
  // A list of pairs: deleting a pair must take its "one more?" flag too, or
  // what follows is read out of step.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    bool big = false;
    while (s.DrawBoolean(0.8)) {
      s.StartSpan("pair");
      big |= s.DrawInteger(0, 100) >= 50;
      s.DrawInteger(0, 100);
      s.EndSpan();
    }
    if (big) throw protocol::CaseFailure("", "big");
  });
  ChoiceSequence start;
  for (auto [a, b] : std::vector<std::pair<int64_t, int64_t>>{
           {1, 2}, {3, 4}, {60, 5}, {6, 7}}) {
    start.push_back(Choice::Boolean(true, 0.8));
    start.push_back(Choice::Integer(a, 0, 100));
    start.push_back(Choice::Integer(b, 0, 100));
  }
  start.push_back(Choice::Boolean(false, 0.8));
  Shrinker shrinker(test, FailingRun(test, start), {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.choices,
            (ChoiceSequence{
                Choice::Boolean(true, 0.8), Choice::Integer(50, 0, 100),
                Choice::Integer(0, 0, 100), Choice::Boolean(false, 0.8)}));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kDeleteSpans], 0u);
}

TEST(ShrinkerPassesTest, MinimizeChoicesBinarySearchesIntegers) {
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    if (s.DrawInteger(0, 1'000'000'000) > 123'456)
      throw protocol::CaseFailure("", "big");
  });
  Shrinker shrinker(
      test, FailingRun(test, {Choice::Integer(987'654'321, 0, 1'000'000'000)}),
      {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.choices[0].integer, 123'457);
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kMinimizeChoices], 0u);
  // Binary search: far fewer calls than the distance.
  EXPECT_LT(result.calls, 200u);
}

TEST(ShrinkerPassesTest, DuplicatesShrinkTogether) {
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t a = s.DrawInteger(0, 1000);
    int64_t b = s.DrawInteger(0, 1000);
    int64_t c = s.DrawInteger(0, 1000);
    if (a == b && b == c && a > 5) throw protocol::CaseFailure("", "equal");
  });
  Shrinker shrinker(test,
                    FailingRun(test, {Choice::Integer(700, 0, 1000),
                                      Choice::Integer(700, 0, 1000),
                                      Choice::Integer(700, 0, 1000)}),
                    {}, 8192);
  ShrinkResult result = shrinker.Run();
  for (const Choice& c : result.minimal.choices) EXPECT_EQ(c.integer, 6);
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kShrinkDuplicates], 0u);
}

TEST(ShrinkerPassesTest, DuplicatesOfTheSameBoundsShrinkWithoutTheOthers) {
  // A stateful step's command pick (bounds [0, 2], must stay 2) shares its
  // value with the keys of three steps (bounds [0, 3], which must be
  // equal): the whole group cannot move, the keys can (three of them: a
  // pair's shift does not do it).
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t pick = s.DrawInteger(0, 2);
    int64_t a = s.DrawInteger(0, 3);
    int64_t b = s.DrawInteger(0, 3);
    int64_t c = s.DrawInteger(0, 3);
    if (pick == 2 && a == b && b == c) {
      throw protocol::CaseFailure("", "equal keys");
    }
  });
  Shrinker shrinker(
      test,
      FailingRun(test, {Choice::Integer(2, 0, 2), Choice::Integer(2, 0, 3),
                        Choice::Integer(2, 0, 3), Choice::Integer(2, 0, 3)}),
      {}, 8192);
  ShrinkResult result = shrinker.Run();
  ASSERT_EQ(result.minimal.choices.size(), 4u);
  EXPECT_EQ(result.minimal.choices[0].integer, 2);
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(result.minimal.choices[i].integer, 0) << i;
  }
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kShrinkDuplicates], 0u);
}

TEST(ShrinkerPassesTest, RedistributeMovesValueBetweenIntegers) {
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t a = s.DrawInteger(0, 1000);
    int64_t b = s.DrawInteger(0, 1000);
    if (a + b > 800) throw protocol::CaseFailure("", "sum");
  });
  Shrinker shrinker(test,
                    FailingRun(test, {Choice::Integer(500, 0, 1000),
                                      Choice::Integer(400, 0, 1000)}),
                    {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.choices[0].integer, 0);
  EXPECT_EQ(result.minimal.choices[1].integer, 801);
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kRedistribute], 0u);
}

TEST(ShrinkerPassesTest, ReorderPutsTheSimplerSiblingFirst) {
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    std::vector<int64_t> v = DrawList(s, 100);
    if (v.size() == 2 && v[0] + v[1] == 50 && v[0] != v[1]) {
      throw protocol::CaseFailure("", "pair");
    }
  });
  Shrinker shrinker(test, FailingRun(test, ListOf({40, 10}, 100)), {}, 8192);
  ShrinkResult result = shrinker.Run();
  std::vector<int64_t> values;
  for (const Choice& c : result.minimal.choices) {
    if (c.kind == ChoiceKind::kInteger) values.push_back(c.integer);
  }
  EXPECT_EQ(values, (std::vector<int64_t>{0, 50}));
}

TEST(ShrinkerPassesTest, PassToDescendantReplacesASpanWithItsChild) {
  // A tree: a node is a leaf (false, value) or a branch (true, node, node).
  std::function<int64_t(ChoiceSource&)> draw_tree =
      [&](ChoiceSource& s) -> int64_t {
    s.StartSpan("node");
    int64_t result;
    if (s.DrawBoolean(0.3)) {
      result = std::max(draw_tree(s), draw_tree(s));
    } else {
      result = s.DrawInteger(0, 100);
    }
    s.EndSpan();
    return result;
  };
  TestFunction test = PropertyFunction([&](ChoiceSource& s) {
    if (draw_tree(s) > 50) throw protocol::CaseFailure("", "deep");
  });
  ChoiceSequence nested = {
      Choice::Boolean(true, 0.3),  Choice::Boolean(true, 0.3),
      Choice::Boolean(false, 0.3), Choice::Integer(3, 0, 100),
      Choice::Boolean(false, 0.3), Choice::Integer(77, 0, 100),
      Choice::Boolean(false, 0.3), Choice::Integer(4, 0, 100)};
  Shrinker shrinker(test, FailingRun(test, nested), {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.choices,
            (ChoiceSequence{Choice::Boolean(false, 0.3),
                            Choice::Integer(51, 0, 100)}));
}

// Draws `count` integers in [min, max], each in an "element" span with a
// flag before it (as a list would).
std::vector<int64_t> DrawFlagged(ChoiceSource& s, int count, int64_t min,
                                 int64_t max) {
  std::vector<int64_t> values;
  for (int i = 0; i < count; ++i) {
    s.DrawBoolean(0.8);
    s.StartSpan("element");
    values.push_back(s.DrawInteger(min, max));
    s.EndSpan();
  }
  return values;
}

ChoiceSequence Flagged(const std::vector<int64_t>& values, int64_t min,
                       int64_t max) {
  ChoiceSequence choices;
  for (int64_t v : values) {
    choices.push_back(Choice::Boolean(false, 0.8));
    choices.push_back(Choice::Integer(v, min, max));
  }
  return choices;
}

std::vector<int64_t> Integers(const ChoiceSequence& choices) {
  std::vector<int64_t> values;
  for (const Choice& c : choices) {
    if (c.kind == ChoiceKind::kInteger) values.push_back(c.integer);
  }
  return values;
}

TEST(ShrinkerPassesTest, DistinctValuesTakeSmallMagnitudesOnTheOtherSide) {
  // Five distinct values: 3 and 4 cannot shrink on their side (0, 1, 2 are
  // taken) but -1 and -2 are simpler.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    std::vector<int64_t> v = DrawFlagged(s, 5, -100, 100);
    if (std::set<int64_t>(v.begin(), v.end()).size() == 5)
      throw protocol::CaseFailure("", "distinct");
  });
  Shrinker shrinker(test, FailingRun(test, Flagged({0, 1, 2, 3, 4}, -100, 100)),
                    {}, 8192);
  ShrinkResult result = shrinker.Run();
  std::vector<int64_t> values = Integers(result.minimal.choices);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<int64_t>{-2, -1, 0, 1, 2}));
  EXPECT_EQ(result.stop_reason, "fixed point");
}

TEST(ShrinkerPassesTest, ShiftTogetherKeepsTheDifference) {
  // Neither value can shrink alone: only moving both keeps |x - y| == 1.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t x = s.DrawInteger(0, 1'000'000);
    int64_t y = s.DrawInteger(0, 1'000'000);
    if (x >= 10 && (x - y == 1 || y - x == 1))
      throw protocol::CaseFailure("", "one apart");
  });
  Shrinker shrinker(test,
                    FailingRun(test, {Choice::Integer(500'000, 0, 1'000'000),
                                      Choice::Integer(500'001, 0, 1'000'000)}),
                    {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(Integers(result.minimal.choices), (std::vector<int64_t>{10, 9}));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kShiftTogether], 0u);
  EXPECT_LT(result.calls, 300u);
}

TEST(ShrinkerPassesTest, LowerAndDeleteShortensALengthPrefixedList) {
  // A length, then that many elements: lowering the length alone drops the
  // last (failing) element, so the shrinker must delete one in front too.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t n = s.DrawInteger(1, 10);
    bool big = false;
    for (int64_t i = 0; i < n; ++i) {
      s.StartSpan("element");
      big |= s.DrawInteger(0, 1000) >= 900;
      s.EndSpan();
    }
    if (big) throw protocol::CaseFailure("", "big");
  });
  Shrinker shrinker(
      test,
      FailingRun(test,
                 {Choice::Integer(4, 1, 10), Choice::Integer(0, 0, 1000),
                  Choice::Integer(0, 0, 1000), Choice::Integer(0, 0, 1000),
                  Choice::Integer(950, 0, 1000)}),
      {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(Integers(result.minimal.choices), (std::vector<int64_t>{1, 900}));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kLowerAndDelete], 0u);
}

TEST(ShrinkerPassesTest, LowerAndDeleteTakesManyElementsInDoublingSteps) {
  // 60 zeros in front of the failing element: one at a time would take 60
  // calls at least; doubling steps take a few.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t n = s.DrawInteger(1, 100);
    bool big = false;
    for (int64_t i = 0; i < n; ++i) {
      s.StartSpan("element");
      big |= s.DrawInteger(0, 1000) >= 900;
      s.EndSpan();
    }
    if (big) throw protocol::CaseFailure("", "big");
  });
  ChoiceSequence start = {Choice::Integer(61, 1, 100)};
  for (int i = 0; i < 60; ++i) start.push_back(Choice::Integer(0, 0, 1000));
  start.push_back(Choice::Integer(900, 0, 1000));
  Shrinker shrinker(test, FailingRun(test, start), {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(Integers(result.minimal.choices), (std::vector<int64_t>{1, 900}));
  EXPECT_LT(result.calls_by_pass[ShrinkPass::kLowerAndDelete], 30u);
}

TEST(ShrinkerPassesTest, ReorderSwapsSiblingsSeparatedByAFlag) {
  // Three distinct values: [0, -1, 1] and [0, 1, -1] are both minimal in
  // magnitude; positive first is simpler, which only a swap reaches.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    std::vector<int64_t> v = DrawFlagged(s, 3, -100, 100);
    if (std::set<int64_t>(v.begin(), v.end()).size() == 3)
      throw protocol::CaseFailure("", "distinct");
  });
  Shrinker shrinker(test, FailingRun(test, Flagged({0, -1, 1}, -100, 100)), {},
                    8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(Integers(result.minimal.choices), (std::vector<int64_t>{0, 1, -1}));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kReorderSpans], 0u);
}

TEST(ShrinkerPassesTest, ReorderSwapsSiblingsOfDifferentSizes) {
  // Two optional items; only swapping the full one behind the empty one
  // (a shorter span first) makes the sequence smaller.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    bool big = false;
    for (int i = 0; i < 2; ++i) {
      s.StartSpan("item");
      if (s.DrawBoolean(0.5)) big |= s.DrawInteger(0, 100) >= 5;
      s.EndSpan();
    }
    if (big) throw protocol::CaseFailure("", "big");
  });
  Shrinker shrinker(
      test,
      FailingRun(test, {Choice::Boolean(true, 0.5), Choice::Integer(5, 0, 100),
                        Choice::Boolean(false, 0.5)}),
      {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(
      result.minimal.choices,
      (ChoiceSequence{Choice::Boolean(false, 0.5), Choice::Boolean(true, 0.5),
                      Choice::Integer(5, 0, 100)}));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kReorderSpans], 0u);
}

TEST(ShrinkerPassesTest, DeletionShiftsLaterIndicesDown) {
  // Elements are positions in the list; [0, 2, 1] only shrinks to [1, 0] by
  // deleting the first element and lowering the others together.
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    std::vector<int64_t> v = DrawList(s, 10);
    for (int64_t x : v) {
      if (x >= static_cast<int64_t>(v.size())) throw protocol::CaseRejected{};
    }
    for (size_t i = 0; i < v.size(); ++i) {
      size_t j = static_cast<size_t>(v[i]);
      if (i != j && static_cast<size_t>(v[j]) == i)
        throw protocol::CaseFailure("", "coupled");
    }
  });
  Shrinker shrinker(test, FailingRun(test, ListOf({0, 2, 1}, 10)), {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.choices, ListOf({1, 0}, 10));
  // Element deletion (with the flag) and run deletion both retry this way.
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kDeleteSpans] +
                result.improvements_by_pass[ShrinkPass::kDeleteRuns],
            0u);
}

TEST(ShrinkerPassesTest, EqualValuesSkipTheSearchesThatCannotSucceed) {
  // Lowering one of two equal values alone never fails, so minimising each
  // by binary search over 2^40 would waste ~40 calls apiece; the duplicates
  // pass lowers them together.
  constexpr int64_t kMax = int64_t{1} << 40;
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t a = s.DrawInteger(0, kMax);
    int64_t b = s.DrawInteger(0, kMax);
    if (a == b && a > 5) throw protocol::CaseFailure("", "equal");
  });
  Shrinker shrinker(test,
                    FailingRun(test, {Choice::Integer(kMax - 12345, 0, kMax),
                                      Choice::Integer(kMax - 12345, 0, kMax)}),
                    {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(Integers(result.minimal.choices), (std::vector<int64_t>{6, 6}));
  EXPECT_LT(result.calls, 70u);
}

TEST(ShrinkerPassesTest, CallBudgetStopsAndIsReported) {
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    if (s.DrawInteger(0, 1'000'000) > 10)
      throw protocol::CaseFailure("", "big");
  });
  ShrinkBudget budget;
  budget.max_calls = 3;
  Shrinker shrinker(test,
                    FailingRun(test, {Choice::Integer(999'999, 0, 1'000'000)}),
                    budget, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.stop_reason, "call budget");
  EXPECT_EQ(result.calls, 3u);
  EXPECT_EQ(result.minimal.status, Status::kInteresting);
}

TEST(ShrinkerPassesTest, OtherOriginsAreNotAcceptedAsSmaller) {
  TestFunction test = PropertyFunction([](ChoiceSource& s) {
    int64_t x = s.DrawInteger(0, 1000);
    if (x < 100) throw protocol::CaseFailure("", "small");
    if (x > 500) throw protocol::CaseFailure("", "large");
  });
  Shrinker shrinker(test, FailingRun(test, {Choice::Integer(900, 0, 1000)}), {},
                    8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.minimal.origin, "large");
  EXPECT_EQ(result.minimal.choices[0].integer, 501);
}

// A stateful program as the client draws it: "one more step?" flags, each
// step a span with a command pick, Make (pick 0) adding a value to a pool,
// Use (pick 1) drawing one, counted from the most recent, and marking it
// with a "uses" span when `mark_uses`. Fails when every value made is used
// and some value is used exactly twice.
TestFunction PoolProgram(bool mark_uses) {
  return PropertyFunction([mark_uses](ChoiceSource& s) {
    struct Value {
      uint32_t made_at;
      int uses;
    };
    std::vector<Value> pool;
    s.StartSpan("program");
    while (s.DrawBoolean(0.8)) {
      s.StartSpan("step");
      uint32_t start = static_cast<uint32_t>(s.choices().size());
      if (s.DrawInteger(0, 1) == 0) {
        pool.push_back({start, 0});
      } else if (!pool.empty()) {
        int64_t back = s.DrawInteger(0, static_cast<int64_t>(pool.size()) - 1);
        Value& value = pool[pool.size() - 1 - static_cast<size_t>(back)];
        if (mark_uses) {
          s.StartSpan(protocol::UsesSpanLabel(value.made_at));
          s.EndSpan();
        }
        ++value.uses;
      }
      s.EndSpan();
    }
    s.EndSpan();
    bool all_used = std::all_of(pool.begin(), pool.end(),
                                [](const Value& v) { return v.uses > 0; });
    bool one_used_twice = std::any_of(
        pool.begin(), pool.end(), [](const Value& v) { return v.uses == 2; });
    if (all_used && one_used_twice) {
      throw protocol::CaseFailure("", "used twice");
    }
  });
}

// Make a, Make b, Use(b), Use(a), Use(a): each step alone is needed (without
// Make b, both later uses land on a, three uses; without Use(b), b is
// unused), but Make b goes with its only user.
ChoiceSequence FiveStepProgram() {
  ChoiceSequence choices;
  auto step = [&](int64_t pick,
                  std::optional<std::pair<int64_t, int64_t>> use) {
    choices.push_back(Choice::Boolean(true, 0.8));
    choices.push_back(Choice::Integer(pick, 0, 1));
    if (use) choices.push_back(Choice::Integer(use->first, 0, use->second));
  };
  step(0, std::nullopt);
  step(0, std::nullopt);
  step(1, std::make_pair(0, 1));  // b
  step(1, std::make_pair(1, 1));  // a
  step(1, std::make_pair(1, 1));  // a
  choices.push_back(Choice::Boolean(false, 0.8));
  return choices;
}

TEST(ShrinkerPassesTest, AStepGoesWithTheStepsThatUseWhatItMade) {
  TestFunction test = PoolProgram(/*mark_uses=*/true);
  Shrinker shrinker(test, FailingRun(test, FiveStepProgram()), {}, 8192);
  ShrinkResult result = shrinker.Run();
  // Make, Use, Use: three steps.
  EXPECT_EQ(
      result.minimal.choices,
      (ChoiceSequence{Choice::Boolean(true, 0.8), Choice::Integer(0, 0, 1),
                      Choice::Boolean(true, 0.8), Choice::Integer(1, 0, 1),
                      Choice::Integer(0, 0, 0), Choice::Boolean(true, 0.8),
                      Choice::Integer(1, 0, 1), Choice::Integer(0, 0, 0),
                      Choice::Boolean(false, 0.8)}));
  EXPECT_GT(result.improvements_by_pass[ShrinkPass::kDeleteWithUsers], 0u);
}

TEST(ShrinkerPassesTest, WithoutUsesSpansTheSameProgramStaysLonger) {
  // The same run without the markers: no pass deletes two steps at once,
  // so the shrinker stops at five steps (what the pass above is for).
  TestFunction test = PoolProgram(/*mark_uses=*/false);
  Shrinker shrinker(test, FailingRun(test, FiveStepProgram()), {}, 8192);
  ShrinkResult result = shrinker.Run();
  EXPECT_EQ(result.stop_reason, "fixed point");
  EXPECT_GT(result.minimal.choices.size(), 9u);
  EXPECT_EQ(result.improvements_by_pass[ShrinkPass::kDeleteWithUsers], 0u);
}

TEST(ShrinkerPassesTest, EveryPassHasItsOwnName) {
  // The engine's log sums calls by name: two passes under one name, or one
  // under none, would be misreported. kDeleteAndJump is the last pass.
  std::set<std::string> names;
  for (int p = 0; p <= static_cast<int>(ShrinkPass::kDeleteAndJump); ++p) {
    std::string name(ShrinkPassName(static_cast<ShrinkPass>(p)));
    EXPECT_FALSE(name.empty());
    EXPECT_NE(name, "unknown pass");
    EXPECT_TRUE(names.insert(name).second) << name;
  }
  EXPECT_EQ(ShrinkPassName(ShrinkPass::kLowerAndDelete), "lower and delete");
}

}  // namespace
}  // namespace lockstep::engine
