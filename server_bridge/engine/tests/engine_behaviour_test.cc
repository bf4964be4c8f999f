// Settings, health checks, determinism and the choice source's algorithm.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "server_bridge/engine/engine.h"
#include "server_bridge/engine/property_function.h"
#include "server_bridge/engine/simplicity.h"
#include "server_bridge/protocol/choice_source.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;
using protocol::ChoiceSource;
using protocol::Directive;
using protocol::Overrun;
using protocol::SplitMix64;
using protocol::Validate;

namespace {

TEST(EngineHealthTest, FilteringAlmostEverythingFailsFilterTooMuch) {
  Settings settings;
  settings.derandomize = true;
  Report report =
      Engine("filter", settings, PropertyFunction([](ChoiceSource& s) {
               if (s.DrawInteger(0, 1'000'000) != 7)
                 throw protocol::CaseRejected{};
             }))
          .Run();
  EXPECT_FALSE(report.passed);
  ASSERT_EQ(report.health_check_failures.size(), 1u);
  EXPECT_EQ(report.health_check_failures[0].rfind("filter_too_much: ", 0), 0u);
}

TEST(EngineHealthTest, SuppressedHealthCheckPasses) {
  Settings settings;
  settings.derandomize = true;
  settings.suppressed_health_checks = {kFilterTooMuch};
  Report report =
      Engine("filter", settings, PropertyFunction([](ChoiceSource& s) {
               if (s.DrawInteger(0, 1'000'000) != 7)
                 throw protocol::CaseRejected{};
             }))
          .Run();
  EXPECT_TRUE(report.passed);
  EXPECT_TRUE(report.health_check_failures.empty());
}

TEST(EngineHealthTest, TooMuchDataFailsDataTooLarge) {
  Settings settings;
  settings.derandomize = true;
  settings.max_choices = 16;
  Report report =
      Engine("large", settings, PropertyFunction([](ChoiceSource& s) {
               for (int i = 0; i < 100; ++i) s.DrawInteger(0, 10);
             }))
          .Run();
  ASSERT_FALSE(report.health_check_failures.empty());
  EXPECT_EQ(report.health_check_failures[0].rfind("data_too_large: ", 0), 0u);
}

TEST(EngineHealthTest, SlowGenerationFailsTooSlow) {
  Settings settings;
  settings.derandomize = true;
  settings.test_cases = 3;
  settings.slow_case = absl::Milliseconds(1);
  Report report =
      Engine("slow", settings, PropertyFunction([](ChoiceSource& s) {
               s.DrawInteger(0, 10);
               absl::SleepFor(absl::Milliseconds(5));
             }))
          .Run();
  ASSERT_FALSE(report.health_check_failures.empty());
  EXPECT_EQ(report.health_check_failures[0].rfind("too_slow: ", 0), 0u);
}

TEST(EngineSettingsTest, SameSeedSameRun) {
  // Every value drawn, in order, across the whole run (search and shrink).
  auto run = [](uint64_t seed, std::vector<int64_t>* drawn) {
    Settings settings;
    settings.seed = seed;
    return Engine("x", settings, PropertyFunction([drawn](ChoiceSource& s) {
                    int64_t x = s.DrawInteger(0, 100000);
                    drawn->push_back(x);
                    if (x % 97 == 3) throw protocol::CaseFailure("", "mod");
                  }))
        .Run();
  };
  std::vector<int64_t> drawn_a, drawn_b, drawn_other;
  Report a = run(1234, &drawn_a);
  Report b = run(1234, &drawn_b);
  run(4321, &drawn_other);
  EXPECT_EQ(a.seed, 1234u);
  ASSERT_EQ(a.failures.size(), 1u);  // x % 97 == 3 is found in 100 cases
  ASSERT_EQ(b.failures.size(), 1u);
  EXPECT_EQ(a.failures[0].choices, b.failures[0].choices);
  EXPECT_EQ(a.calls, b.calls);
  EXPECT_EQ(drawn_a, drawn_b);
  EXPECT_NE(drawn_a, drawn_other);  // the seed, not luck, fixed the run
}

TEST(EngineSettingsTest, ShrinkPhaseCanBeTurnedOff) {
  Settings settings;
  settings.derandomize = true;
  settings.shrink = false;
  Report report =
      Engine("noshrink", settings, PropertyFunction([](ChoiceSource& s) {
               if (s.DrawInteger(0, 1'000'000) > 1000)
                 throw protocol::CaseFailure("", "b");
             }))
          .Run();
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.shrink_calls, 0u);
  EXPECT_GT(report.failures[0].choices[0].integer, 1000);
}

// A property that passes its first `passing` invocations and fails every
// later one, run without shrinking: report.calls is the generation calls
// plus the final replay.
Report FailFrom(uint64_t passing) {
  Settings settings;
  settings.derandomize = true;
  settings.shrink = false;
  settings.test_cases = 1000;
  uint64_t invocations = 0;
  return Engine("fail from", settings, PropertyFunction([&](ChoiceSource& s) {
                  s.DrawInteger(0, 1'000'000'000);  // never exhausted
                  if (++invocations > passing)
                    throw protocol::CaseFailure("", "late");
                }))
      .Run();
}

TEST(EngineGenerationTest, SearchAfterAFailureLastsAsLongAsFindingIt) {
  // Found on call n: min(n, 50) more searches, then the final replay.
  for (auto [passing, expected_calls] :
       std::vector<std::pair<uint64_t, uint64_t>>{{0, 1 + 1 + 1},
                                                  {2, 3 + 3 + 1},
                                                  {49, 50 + 50 + 1},
                                                  {100, 101 + 50 + 1}}) {
    Report report = FailFrom(passing);
    ASSERT_EQ(report.failures.size(), 1u) << passing;
    EXPECT_EQ(report.calls, expected_calls) << passing;
    // Repeats of an earlier run are not counted again.
    EXPECT_LE(report.valid, passing);
  }
}

TEST(EngineGenerationTest, StopsWhenEveryCaseHasBeenRun) {
  Settings settings;
  settings.derandomize = true;
  std::set<std::string> runs;
  Report report =
      Engine("three booleans", settings, PropertyFunction([&](ChoiceSource& s) {
               std::string run;
               for (int i = 0; i < 3; ++i)
                 run += s.DrawBoolean(0.5) ? '1' : '0';
               runs.insert(run);
             }))
          .Run();
  EXPECT_TRUE(report.passed);
  EXPECT_TRUE(report.exhausted);
  EXPECT_EQ(report.valid, 8u);
  EXPECT_EQ(runs.size(), 8u);
  EXPECT_LT(report.calls, 40u);
}

TEST(EngineGenerationTest, FindsTheOneFailingValueOfASmallRange) {
  Settings settings;
  settings.derandomize = true;
  settings.test_cases = 300;
  Report report =
      Engine("small range", settings, PropertyFunction([](ChoiceSource& s) {
               int64_t a = s.DrawInteger(0, 15);
               int64_t b = s.DrawInteger(0, 15);
               if (a == 13 && b == 2) throw protocol::CaseFailure("", "needle");
             }))
          .Run();
  // 256 cases in all and generation never repeats one: it must find it.
  ASSERT_EQ(report.failures.size(), 1u) << report.calls << " calls";
  EXPECT_EQ(
      report.failures[0].choices,
      (ChoiceSequence{Choice::Integer(13, 0, 15), Choice::Integer(2, 0, 15)}));
}

TEST(ChoiceSourceTest, ReplaysThePrefixThenDrawsFromTheSeed) {
  Directive directive;
  directive.prefix = {Choice::Integer(5, 0, 10)};
  directive.seed = 42;
  ChoiceSource a(directive);
  ChoiceSource b(directive);
  EXPECT_EQ(a.DrawInteger(0, 10), 5);
  EXPECT_EQ(b.DrawInteger(0, 10), 5);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(a.DrawInteger(-1000, 1000), b.DrawInteger(-1000, 1000));
    EXPECT_EQ(a.DrawBytes(0, 8), b.DrawBytes(0, 8));
  }
}

TEST(ChoiceSourceTest, PrefixValuesAreForcedIntoNewBounds) {
  Directive directive;
  directive.prefix = {Choice::Integer(500, 0, 1000), Choice::Boolean(true),
                      Choice::Bytes("abcdef", 0, 10)};
  ChoiceSource source(directive);
  EXPECT_EQ(source.DrawInteger(0, 100), 100);  // clamped
  EXPECT_EQ(source.DrawInteger(0, 100), 0);    // kind mismatch: simplest
  EXPECT_EQ(source.DrawBytes(0, 3), "abc");    // truncated
}

TEST(ChoiceSourceTest, DrawPastMaxChoicesIsAnOverrun) {
  Directive directive;
  directive.max_choices = 2;
  ChoiceSource source(directive);
  source.DrawBoolean(0.5);
  source.DrawBoolean(0.5);
  EXPECT_THROW(source.DrawBoolean(0.5), Overrun);
}

// PROTOCOL.md's random integer draw, written from the text with a scan of
// every earlier integer, to check ChoiceSource's indexed lookup against.
class ReferenceIntegers {
 public:
  explicit ReferenceIntegers(uint64_t seed) : random_(seed) {}

  int64_t Draw(int64_t min, int64_t max) {
    const Choice* earlier = nullptr;
    for (const Choice& choice : drawn_) {
      if (choice.min_integer == min && choice.max_integer == max)
        earlier = &choice;  // the latest wins
    }
    int64_t value;
    uint64_t r = earlier != nullptr ? random_.Below(8) : 8;
    if (r == 0) {
      value = earlier->integer;
    } else if (r == 1) {
      int64_t step = 1 + static_cast<int64_t>(random_.Below(2));
      bool up = random_.Below(2) == 0;
      if (up) {
        value = earlier->integer > max - step ? max : earlier->integer + step;
      } else {
        value = earlier->integer < min + step ? min : earlier->integer - step;
      }
    } else if (random_.Below(4) == 0 && min <= 127 && max >= -128) {
      value =
          Uniform(std::max<int64_t>(min, -128), std::min<int64_t>(max, 127));
    } else {
      value = Uniform(min, max);
    }
    drawn_.push_back(Choice::Integer(value, min, max));
    return value;
  }

 private:
  int64_t Uniform(int64_t a, int64_t b) {
    uint64_t span = static_cast<uint64_t>(b) - static_cast<uint64_t>(a);
    uint64_t offset =
        span == ~uint64_t{0} ? random_.Next() : random_.Below(span + 1);
    return static_cast<int64_t>(static_cast<uint64_t>(a) + offset);
  }

  SplitMix64 random_;
  ChoiceSequence drawn_;
};

TEST(ChoiceSourceTest, RandomIntegersFollowTheProtocolsAlgorithm) {
  // Interleaved bounds, so that "the latest earlier integer with the same
  // bounds" is sometimes far back and sometimes absent.
  const std::vector<std::pair<int64_t, int64_t>> bounds = {
      {0, 10},      {-5, 5},     {0, 10},
      {0, 1000000}, {-128, 127}, {INT64_MIN, INT64_MAX},
      {3, 3},       {0, 10}};
  for (uint64_t seed = 0; seed < 20; ++seed) {
    Directive directive;
    directive.seed = seed;
    directive.max_choices = 100000;
    ChoiceSource source(directive);
    ReferenceIntegers reference(seed);
    for (int i = 0; i < 2000; ++i) {
      const auto& [min, max] = bounds[(i * 7 + i / 13) % bounds.size()];
      ASSERT_EQ(source.DrawInteger(min, max), reference.Draw(min, max))
          << "seed " << seed << " draw " << i;
    }
  }
}

TEST(ChoiceSourceTest, ReplayedIntegersCountAsEarlierValues) {
  // An integer replayed from the prefix is an earlier value for the random
  // draws after it, with the bounds it was drawn with (not the prefix's).
  Directive directive;
  directive.prefix = {Choice::Integer(7, 0, 1000)};
  directive.max_choices = 100000;
  int repeats = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    directive.seed = seed;
    ChoiceSource source(directive);
    EXPECT_EQ(source.DrawInteger(0, 9), 7);
    if (source.DrawInteger(0, 9) == 7) ++repeats;
  }
  // One in eight repeats, plus one in ten by chance: about 42 of 200.
  EXPECT_GT(repeats, 20);
  EXPECT_LT(repeats, 70);
}

TEST(ChoiceSourceTest, SplitMix64MatchesTheReferenceSequence) {
  // Reference values of SplitMix64 seeded with 0, as PROTOCOL.md specifies.
  SplitMix64 random(0);
  EXPECT_EQ(random.Next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(random.Next(), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(random.Next(), 0x06C45D188009454FULL);
}

TEST(ChoiceTest, ValidateNamesTheProblem) {
  EXPECT_EQ(Validate(Choice::Integer(11, 0, 10)).message(),
            "integer 11 is outside [0, 10]");
  EXPECT_EQ(Validate(Choice::Integer(0, 5, 1)).message(),
            "integer bounds are empty: min 5 > max 1");
  EXPECT_FALSE(Validate(Choice::Float(std::nan(""), 0, 1)).ok());
  EXPECT_TRUE(
      Validate(Choice::Float(std::nan(""), 0, 1, /*allow_nan=*/true)).ok());
  EXPECT_FALSE(Validate(Choice::Bytes("abc", 0, 2)).ok());
  EXPECT_FALSE(Validate(Choice::Boolean(true, 1.5)).ok());
}

TEST(ChoiceTest, ShortlexPrefersShorterThenSimpler) {
  ChoiceSequence one = {Choice::Integer(100, -100, 100)};
  ChoiceSequence two = {Choice::Integer(0, -100, 100),
                        Choice::Integer(0, -100, 100)};
  EXPECT_TRUE(ShortlexLess(one, two));
  EXPECT_TRUE(ShortlexLess({Choice::Integer(5, -100, 100)},
                           {Choice::Integer(-5, -100, 100)}));
  EXPECT_TRUE(ShortlexLess({Choice::Integer(-5, -100, 100)},
                           {Choice::Integer(6, -100, 100)}));
  EXPECT_TRUE(ShortlexLess({Choice::Float(2.0, -10, 10)},
                           {Choice::Float(1.5, -10, 10)}));
  EXPECT_FALSE(ShortlexLess(one, one));
}

}  // namespace
}  // namespace lockstep::engine
