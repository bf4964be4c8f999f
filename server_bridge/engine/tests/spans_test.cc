// The structure the shrinker reads off a run's spans: parents, alike
// siblings, and which spans are a collection's elements (deletable with
// their flag) rather than fixed parts of their parent.
#include "server_bridge/engine/spans.h"

#include <limits>
#include <vector>

#include "gtest/gtest.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;
using protocol::Span;

namespace {

// A list of three one-integer elements, Hypothesis-style:
// [flag, value] x 3, closing flag, all in a "list" span.
ChoiceSequence ThreeElementList() {
  ChoiceSequence choices;
  for (int64_t v : {5, 6, 7}) {
    choices.push_back(Choice::Boolean(true, 0.8));
    choices.push_back(Choice::Integer(v, 0, 10));
  }
  choices.push_back(Choice::Boolean(false, 0.8));
  return choices;
}

std::vector<Span> ThreeElementListSpans() {
  return {{0, 7, "list", 0},
          {1, 2, "element", 1},
          {3, 4, "element", 1},
          {5, 6, "element", 1}};
}

std::vector<uint32_t> Starts(const std::vector<Span>& spans) {
  std::vector<uint32_t> starts;
  for (const Span& span : spans) starts.push_back(span.start);
  return starts;
}

TEST(SpansTest, ParentIsTheInnermostSpanOneLevelUp) {
  std::vector<Span> spans = {{0, 10, "outer", 0},
                             {2, 8, "middle", 1},
                             {1, 9, "wide", 1},
                             {3, 4, "leaf", 2}};
  Span parent = ParentOf(spans, spans[3]);
  EXPECT_EQ(parent.label, "middle");
  EXPECT_EQ(ParentOf(spans, spans[1]).label, "outer");
}

TEST(SpansTest, ParentOfATopLevelSpanIsTheWholeRun) {
  std::vector<Span> spans = ThreeElementListSpans();
  Span parent = ParentOf(spans, spans[0]);
  EXPECT_EQ(parent.start, 0u);
  EXPECT_EQ(parent.end, std::numeric_limits<uint32_t>::max());
  EXPECT_EQ(parent.label, "");
}

TEST(SpansTest, AlikeSiblingsShareLabelDepthAndParentInOrder) {
  // Two lists side by side: an element's alike siblings are only those of
  // its own list; spans listed out of order come back sorted.
  std::vector<Span> spans = {{0, 5, "list", 0},      {10, 15, "list", 0},
                             {3, 4, "element", 1},   {1, 2, "element", 1},
                             {11, 12, "element", 1}, {1, 2, "other", 1}};
  EXPECT_EQ(Starts(AlikeSiblings(spans, spans[2])),
            (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(Starts(AlikeSiblings(spans, spans[4])),
            (std::vector<uint32_t>{11}));
}

TEST(SpansTest, AnElementAfterItsFlagGoesWithIt) {
  ChoiceSequence choices = ThreeElementList();
  std::vector<Span> spans = ThreeElementListSpans();
  EXPECT_TRUE(AfterFlag(choices, spans, spans[2]));
  EXPECT_EQ(ElementRange(choices, spans, spans[2]),
            (std::pair<size_t, size_t>{2, 4}));
  // The list itself starts its parent (the run): no flag of its own.
  EXPECT_FALSE(AfterFlag(choices, spans, spans[0]));
  EXPECT_EQ(ElementRange(choices, spans, spans[0]),
            (std::pair<size_t, size_t>{0, 7}));
}

TEST(SpansTest, AnElementAfterAnIntegerHasNoFlag) {
  // A length-prefixed list: the integer before the first element is no
  // flag.
  ChoiceSequence choices = {Choice::Integer(2, 0, 10),
                            Choice::Integer(5, 0, 10),
                            Choice::Integer(6, 0, 10)};
  std::vector<Span> spans = {
      {0, 3, "list", 0}, {1, 2, "element", 1}, {2, 3, "element", 1}};
  EXPECT_FALSE(AfterFlag(choices, spans, spans[1]));
  EXPECT_EQ(ElementRange(choices, spans, spans[1]),
            (std::pair<size_t, size_t>{1, 2}));
}

TEST(SpansTest, CollectionElementsAreFlaggedPairsOrThreeAlike) {
  ChoiceSequence choices = ThreeElementList();
  std::vector<Span> spans = ThreeElementListSpans();
  EXPECT_TRUE(IsCollectionElement(choices, spans, spans[1]));
  // Alone under its parent, the list is a fixed part of the run.
  EXPECT_FALSE(IsCollectionElement(choices, spans, spans[0]));

  // Two flagged elements are a collection...
  ChoiceSequence two = {Choice::Boolean(true, 0.8), Choice::Integer(1, 0, 9),
                        Choice::Boolean(true, 0.8), Choice::Integer(2, 0, 9),
                        Choice::Boolean(false, 0.8)};
  std::vector<Span> two_spans = {
      {0, 5, "list", 0}, {1, 2, "element", 1}, {3, 4, "element", 1}};
  EXPECT_TRUE(IsCollectionElement(two, two_spans, two_spans[1]));

  // ...but two unflagged children (a binary node's) are fixed parts of it,
  // and three unflagged alike are a collection again.
  ChoiceSequence node = {Choice::Integer(1, 0, 9), Choice::Integer(2, 0, 9),
                         Choice::Integer(3, 0, 9)};
  std::vector<Span> binary = {
      {0, 2, "node", 0}, {0, 1, "child", 1}, {1, 2, "child", 1}};
  EXPECT_FALSE(IsCollectionElement(node, binary, binary[2]));
  std::vector<Span> ternary = {{0, 3, "node", 0},
                               {0, 1, "child", 1},
                               {1, 2, "child", 1},
                               {2, 3, "child", 1}};
  EXPECT_TRUE(IsCollectionElement(node, ternary, ternary[1]));
}

TEST(SpansTest, UsesSpansNameTheAlikeSiblingThatMadeTheValue) {
  // program [0, 12): step@1 [1, 2) makes; step@3 [3, 5) uses it (marker at
  // 5, at the end of its pool draw); step@6 [6, 7) makes; step@8 [8, 11)
  // uses step@6's value inside a nested "pool" span and step@1's directly.
  std::vector<Span> spans = {{0, 12, "program", 0},
                             {1, 2, "step", 1},
                             {3, 5, "step", 1},
                             {4, 5, "pool", 2},
                             {5, 5, protocol::UsesSpanLabel(1), 3},
                             {6, 7, "step", 1},
                             {8, 11, "step", 1},
                             {9, 10, "pool", 2},
                             {10, 10, protocol::UsesSpanLabel(6), 3},
                             {11, 11, protocol::UsesSpanLabel(1), 2},
                             // names no step: ignored
                             {11, 11, protocol::UsesSpanLabel(2), 2}};
  std::vector<std::vector<size_t>> users = UsersOf(spans);
  ASSERT_EQ(users.size(), spans.size());
  EXPECT_EQ(users[1], (std::vector<size_t>{2, 6}));
  EXPECT_EQ(users[5], (std::vector<size_t>{6}));
  EXPECT_TRUE(users[0].empty());
  EXPECT_TRUE(users[2].empty());
  EXPECT_TRUE(users[6].empty());
  EXPECT_EQ(protocol::ParseUsesSpanLabel("uses 17"), 17u);
  EXPECT_FALSE(protocol::ParseUsesSpanLabel("uses ").has_value());
  EXPECT_FALSE(protocol::ParseUsesSpanLabel("use 3").has_value());
  EXPECT_FALSE(protocol::ParseUsesSpanLabel("uses -3").has_value());
}

}  // namespace
}  // namespace lockstep::engine
