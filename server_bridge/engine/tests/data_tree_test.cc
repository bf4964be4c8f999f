// DataTree: novel prefixes lead into unexplored parts of the tree, and
// exhaustion is detected, now that each node indexes its open children.
#include "server_bridge/engine/data_tree.h"

#include <optional>
#include <set>
#include <vector>

#include "gtest/gtest.h"
#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/random.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;
using protocol::SplitMix64;

namespace {

ChoiceSequence TwoChoiceRun(bool flag, int64_t value) {
  return {Choice::Boolean(flag), Choice::Integer(value, 0, 2)};
}

TEST(DataTreeTest, EmptyTreeSuggestsTheEmptyPrefix) {
  DataTree tree;
  SplitMix64 random(1);
  EXPECT_FALSE(tree.exhausted());
  std::optional<ChoiceSequence> prefix = tree.NovelPrefix(random);
  ASSERT_TRUE(prefix.has_value());
  EXPECT_TRUE(prefix->empty());
}

TEST(DataTreeTest, ExhaustedOnlyWhenEveryRunOfAFiniteSpaceIsRecorded) {
  DataTree tree;
  std::vector<ChoiceSequence> runs;
  for (bool flag : {false, true}) {
    for (int64_t value = 0; value <= 2; ++value)
      runs.push_back(TwoChoiceRun(flag, value));
  }
  for (size_t i = 0; i < runs.size(); ++i) {
    EXPECT_FALSE(tree.exhausted()) << i;
    tree.Record(runs[i]);
    tree.Record(runs[i]);  // a repeat changes nothing
  }
  EXPECT_TRUE(tree.exhausted());
  SplitMix64 random(7);
  EXPECT_EQ(tree.NovelPrefix(random), std::nullopt);
}

TEST(DataTreeTest, NovelPrefixFindsTheOnlyRunLeft) {
  // Every run but one, recorded in every order of the missing one: the
  // prefix must lead to it whatever the seed, through an exhausted sibling.
  for (int missing = 0; missing < 6; ++missing) {
    DataTree tree;
    ChoiceSequence left;
    for (int i = 0; i < 6; ++i) {
      ChoiceSequence run = TwoChoiceRun(i >= 3, i % 3);
      if (i == missing) {
        left = run;
      } else {
        tree.Record(run);
      }
    }
    ASSERT_FALSE(tree.exhausted());
    for (uint64_t seed = 0; seed < 20; ++seed) {
      SplitMix64 random(seed);
      std::optional<ChoiceSequence> prefix = tree.NovelPrefix(random);
      ASSERT_TRUE(prefix.has_value());
      EXPECT_EQ(*prefix, left) << "missing " << missing << " seed " << seed;
    }
    tree.Record(left);
    EXPECT_TRUE(tree.exhausted());
  }
}

TEST(DataTreeTest, NovelPrefixAvoidsExhaustedChildrenOfAWideNode) {
  // A wide node over an unbounded domain: 1,000 first values, each with a
  // boolean after it; all but one of them have both booleans run. Whenever
  // the prefix descends into a child it must be the one still open.
  DataTree tree;
  constexpr int64_t kOpen = 617;
  for (int64_t value = 0; value < 1000; ++value) {
    tree.Record({Choice::Integer(value, 0, 1 << 30), Choice::Boolean(false)});
    if (value != kOpen) {
      tree.Record({Choice::Integer(value, 0, 1 << 30), Choice::Boolean(true)});
    }
  }
  EXPECT_FALSE(tree.exhausted());  // the first draw's domain is unbounded
  int descended = 0;
  for (uint64_t seed = 0; seed < 100; ++seed) {
    SplitMix64 random(seed);
    std::optional<ChoiceSequence> prefix = tree.NovelPrefix(random);
    ASSERT_TRUE(prefix.has_value());
    if (prefix->empty()) continue;  // a fresh random first draw
    ++descended;
    EXPECT_EQ(*prefix, (ChoiceSequence{Choice::Integer(kOpen, 0, 1 << 30),
                                       Choice::Boolean(true)}));
  }
  EXPECT_GT(descended, 20);  // half the time, by the algorithm's coin
}

TEST(DataTreeTest, NovelPrefixesAreNewUntilExhausted) {
  // Following the suggestions (and the simplest tail) visits every run of a
  // 3 x 4 x 2 space exactly once, then reports exhaustion.
  DataTree tree;
  SplitMix64 random(3);
  std::set<std::vector<int64_t>> seen;
  for (int step = 0; step < 24; ++step) {
    std::optional<ChoiceSequence> prefix = tree.NovelPrefix(random);
    ASSERT_TRUE(prefix.has_value()) << step;
    // Complete the prefix with the simplest values, as a run without a
    // random tail would.
    ChoiceSequence run = *prefix;
    const ChoiceSequence shapes = {Choice::Integer(0, 0, 2),
                                   Choice::Integer(0, 0, 3),
                                   Choice::Integer(0, 0, 1)};
    for (size_t i = run.size(); i < shapes.size(); ++i)
      run.push_back(shapes[i]);
    std::vector<int64_t> values;
    for (const Choice& choice : run) values.push_back(choice.integer);
    EXPECT_TRUE(seen.insert(values).second) << step;
    tree.Record(run);
  }
  EXPECT_TRUE(tree.exhausted());
  EXPECT_EQ(seen.size(), 24u);
}

}  // namespace
}  // namespace lockstep::engine
