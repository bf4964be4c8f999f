// Explicit examples (Settings::Example): run first, on every run, reported
// as given when they fail; a mismatched example is a usage error.
#include <cstdint>
#include <string>
#include <vector>

#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace lockstep {
namespace {

Settings Quiet() { return Settings().Derandomize(true).NoDatabase(); }

TEST(ExplicitExamplesTest, RunFirstInOrderOnEveryRun) {
  for (int run = 0; run < 2; ++run) {
    std::vector<std::pair<int64_t, std::string>> seen;
    Result result = Check(
        "examples first",
        [&](TestCase& tc) {
          int64_t n = tc.Draw("n", gen::Integers<int64_t>(0, 100));
          std::string s = tc.Draw("s", gen::Text(0, 3));
          seen.emplace_back(n, s);
        },
        // 7 converts to the drawn int64_t; the literal is a std::string.
        Quiet().Example(7, "seven").Example(Named("n", 1000), ""));
    ASSERT_TRUE(result.passed) << result.Report("examples first");
    ASSERT_GE(seen.size(), 3u);
    // Examples are not held to the generators' bounds: 1000 > 100.
    EXPECT_EQ(seen[0], std::make_pair(int64_t{7}, std::string("seven")));
    EXPECT_EQ(seen[1], std::make_pair(int64_t{1000}, std::string()));
    EXPECT_EQ(result.explicit_examples, 2u);
    // Then the search ran as usual: 100 cases, repeats included.
    EXPECT_EQ(result.test_cases_run + result.repeats, 100u);
  }
}

TEST(ExplicitExamplesTest, AFailingExampleIsReportedAsGivenAndNotShrunk) {
  int calls = 0;
  Result result = Check(
      "failing example",
      [&](TestCase& tc) {
        ++calls;
        int x = tc.Draw("x", gen::Integers<int>(0, 10));
        tc.Note("x is " + std::to_string(x));
        LOCKSTEP_ASSERT_NE(x, 500);
      },
      Quiet().Example(3).Example(500));
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("failing example");
  const Failure& failure = result.failure();
  EXPECT_EQ(failure.explicit_example, 2u);
  EXPECT_EQ(failure.draws, (std::vector<DrawnValue>{{"x", "500"}}));
  EXPECT_EQ(failure.notes, std::vector<std::string>{"x is 500"});
  EXPECT_EQ(failure.message,
            "LOCKSTEP_ASSERT_NE(x, 500) failed: x = 500, 500 = 500");
  EXPECT_NE(failure.origin.find("explicit_examples_test.cc:"),
            std::string::npos);
  EXPECT_EQ(calls, 2);  // no search, no shrinking
  std::string report = result.Report("failing example");
  EXPECT_NE(report.find("failed on explicit example 2: LOCKSTEP_ASSERT_NE"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("  x = 500\n"), std::string::npos) << report;
}

TEST(ExplicitExamplesTest, ExamplesFeedSpansAndRawDraws) {
  std::vector<std::string> seen;
  Result result = Check(
      "imperative examples",
      [&](TestCase& tc) {
        bool flag = tc.DrawBoolean(0.5);
        std::string word = tc.Span("word", [&] { return tc.DrawBytes(0, 4); });
        seen.push_back((flag ? "T" : "F") + word);
      },
      Quiet().Example(true, "ab"));
  ASSERT_TRUE(result.passed) << result.Report("imperative examples");
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen[0], "Tab");
}

TEST(ExplicitExamplesTest, MismatchedExamplesAreUsageErrors) {
  struct Case {
    Settings settings;
    const char* message;
  };
  const Case cases[] = {
      {Quiet().Example(std::string("not a number")),
       "usage error: explicit example 1 does not fit draw 1 ('n'), which "
       "draws a int: the example gives a std::string"},
      {Quiet().Example(Named("m", 1)),
       "usage error: explicit example 1 does not fit draw 1 ('n'), which "
       "draws a int: the example gives a value named 'm'"},
      {Quiet().Example(1, 2, 3).Example(4),
       "usage error: explicit example 2 does not fit draw 2 ('k')"},
      {Quiet().Example(int64_t{1} << 40),
       "usage error: explicit example 1 does not fit draw 1 ('n'), which "
       "draws a int: the example gives a number that does not fit"},
  };
  for (const Case& c : cases) {
    int calls = 0;
    Result result = Check(
        "mismatched example",
        [&](TestCase& tc) {
          ++calls;
          tc.Draw("n", gen::Integers<int>(0, 9));
          tc.Draw("k", gen::Integers<int>(0, 9));
        },
        c.settings);
    EXPECT_FALSE(result.passed);
    EXPECT_TRUE(result.failures.empty());
    EXPECT_EQ(result.error.find(c.message), 0u) << result.error;
  }
}

TEST(ExplicitExamplesTest, ARejectedExampleIsAnError) {
  Result result = Check(
      "rejected example",
      [](TestCase& tc) { tc.Assume(tc.Draw(gen::Integers<int>(0, 9)) > 0); },
      Quiet().Example(0));
  EXPECT_FALSE(result.passed);
  EXPECT_NE(result.error.find("explicit example 1 was rejected"),
            std::string::npos)
      << result.error;
}

}  // namespace
}  // namespace lockstep
