// lockstep::Check end to end, against the real engine subprocess.
#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/lockstep.h"
#include "client/session.h"
#include "gtest/gtest.h"

namespace lockstep {
namespace {

Settings Quiet() { return Settings().Derandomize(true).NoDatabase(); }

// The printed values of a failure's draws.
std::vector<std::string> Values(const Failure& failure) {
  std::vector<std::string> values;
  for (const DrawnValue& draw : failure.draws) values.push_back(draw.value);
  return values;
}

TEST(CheckTest, PassingPropertyRunsEveryCase) {
  std::set<int> seen;
  Result result = Check(
      "passes",
      [&seen](TestCase& tc) {
        seen.insert(tc.Draw(gen::Integers<int>(0, 100)));
      },
      Quiet());
  EXPECT_TRUE(result.passed) << result.Report("passes");
  // test_cases bounds the bodies run: distinct cases and repeats.
  EXPECT_EQ(result.test_cases_run + result.repeats, 100u);
  // The hundred cases explored the range rather than repeating one value.
  EXPECT_GT(seen.size(), 30u);
  EXPECT_TRUE(*seen.begin() >= 0 && *seen.rbegin() <= 100);
}

TEST(CheckTest, CollectionsGrowOverARun) {
  // The size schedule: early cases are small, later ones reach far larger
  // lengths; the case's size is visible to the body.
  std::vector<size_t> lengths;
  std::vector<double> sizes;
  Result result = Check(
      "grows",
      [&](TestCase& tc) {
        sizes.push_back(tc.Size());
        lengths.push_back(
            tc.Draw(gen::VectorOf(gen::Integers<int>(0, 9), 0, 100)).size());
      },
      Quiet().TestCases(200));
  ASSERT_TRUE(result.passed) << result.Report("grows");
  ASSERT_GE(lengths.size(), 150u);
  auto mean = [&](size_t from, size_t to) {
    return std::accumulate(lengths.begin() + from, lengths.begin() + to, 0.0) /
           static_cast<double>(to - from);
  };
  EXPECT_LT(mean(0, 10), 5);     // sizes 0.01 .. 0.1
  EXPECT_GT(mean(60, 100), 15);  // sizes 0.6 .. 1
  EXPECT_GE(*std::max_element(lengths.begin(), lengths.end()), 50u);
  EXPECT_GT(sizes[0], 0.0);
  EXPECT_LE(*std::max_element(sizes.begin(), sizes.end()), 1.0);
  EXPECT_EQ(lengths.size(), 200u);  // bodies: the cases asked for, repeats in
}

TEST(CheckTest, FailureIsShrunkAndReplayedLast) {
  std::vector<int> last;
  Result result = Check(
      "sum",
      [&last](TestCase& tc) {
        last = tc.Draw(gen::Vectors(gen::Integers<int>(0, 10000)));
        LOCKSTEP_ASSERT(std::accumulate(last.begin(), last.end(), 0) <= 1000);
      },
      Quiet());
  ASSERT_FALSE(result.passed);
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("sum");
  EXPECT_EQ(last,
            std::vector<int>{1001});  // the body saw the minimal example last
  EXPECT_EQ(Values(result.failure()), std::vector<std::string>{"{1001}"});
  EXPECT_NE(result.failure().origin.find("check_test.cc:"), std::string::npos);
  EXPECT_EQ(result.failure().message,
            "LOCKSTEP_ASSERT(std::accumulate(last.begin(), last.end(), 0) <= "
            "1000) failed");
  EXPECT_NE(result.Report("sum").find(
                absl::StrCat("reproduce: LOCKSTEP_SEED=", result.seed)),
            std::string::npos)
      << result.Report("sum");
  EXPECT_GT(result.shrink_calls, 0u);
}

TEST(CheckTest, NotesAppearOnlyForTheMinimalExample) {
  std::atomic<int> notes_taken{0};
  Result result = Check(
      "notes",
      [&](TestCase& tc) {
        int n = tc.Draw(gen::Integers<int>(0, 1000));
        tc.Note("n = " + std::to_string(n));
        if (tc.final_run()) ++notes_taken;
        if (n > 10) throw std::runtime_error("too big");
      },
      Quiet());
  ASSERT_EQ(result.failures.size(), 1u);
  EXPECT_EQ(result.failure().notes, std::vector<std::string>{"n = 11"});
  EXPECT_EQ(notes_taken.load(), 1);
}

TEST(CheckTest, AssumeRejectsCases) {
  Result result = Check(
      "assume",
      [](TestCase& tc) {
        int n = tc.Draw(gen::Integers<int>(0, 100));
        tc.Assume(n % 2 == 0);
        LOCKSTEP_ASSERT(n % 2 == 0);
      },
      Quiet());
  EXPECT_TRUE(result.passed) << result.Report("assume");
}

TEST(CheckTest, GeneratorsComposeAndShrink) {
  struct Case {
    std::string name;
    std::function<void(TestCase&, std::string*)> body;
    std::string minimal;
  };
  std::vector<Case> cases = {
      {"tuple",
       [](TestCase& tc, std::string* seen) {
         auto t =
             tc.Draw(gen::Tuples(gen::Integers<int>(0, 100), gen::Booleans()));
         *seen = Print(t);
         if (std::get<0>(t) > 5 && std::get<1>(t))
           throw std::runtime_error("x");
       },
       "(6, true)"},
      {"text",
       [](TestCase& tc, std::string* seen) {
         std::string s = tc.Draw(gen::Text(0, 20, "abc"));
         *seen = Print(s);
         if (s.find('c') != std::string::npos) throw std::runtime_error("x");
       },
       "\"c\""},
      {"one_of",
       [](TestCase& tc, std::string* seen) {
         int v = tc.Draw(gen::OneOf(gen::Integers<int>(0, 10),
                                    gen::Integers<int>(100, 200)));
         *seen = Print(v);
         if (v > 50) throw std::runtime_error("x");
       },
       "100"},
      {"map_filter",
       [](TestCase& tc, std::string* seen) {
         int v = tc.Draw(gen::Filter(
             gen::Map(gen::Integers<int>(0, 1000), [](int x) { return 2 * x; }),
             [](int x) { return x % 3 == 0; }));
         *seen = Print(v);
         if (v > 100) throw std::runtime_error("x");
       },
       "102"},
      {"flat_map",
       [](TestCase& tc, std::string* seen) {
         auto v = tc.Draw(gen::FlatMap(gen::Integers<int>(1, 5), [](int n) {
           return gen::Vectors(gen::Integers<int>(0, 9), static_cast<size_t>(n),
                               static_cast<size_t>(n));
         }));
         *seen = Print(v);
         if (v.size() >= 3) throw std::runtime_error("x");
       },
       "{0, 0, 0}"},
      {"optional_set_map",
       [](TestCase& tc, std::string* seen) {
         auto o =
             tc.Draw(gen::Optional(gen::Sets(gen::Integers<int>(0, 50), 2, 5)));
         auto m = tc.Draw(gen::Maps(gen::ElementOf({'x', 'y'}), gen::Just(7)));
         *seen = Print(std::make_tuple(o, m));
         if (o && m.size() == 2) throw std::runtime_error("x");
       },
       "({0, 1}, {('x', 7), ('y', 7)})"},
  };
  for (const Case& c : cases) {
    std::string seen;
    Result result = Check(
        c.name, [&](TestCase& tc) { c.body(tc, &seen); }, Quiet());
    ASSERT_EQ(result.failures.size(), 1u) << c.name << "\n"
                                          << result.Report(c.name);
    EXPECT_EQ(seen, c.minimal) << c.name;
  }
}

// An expression tree, defined recursively with gen::Lazy.
struct Expr {
  int value = 0;
  std::vector<Expr> children;
  int Depth() const {
    int depth = 0;
    for (const Expr& child : children) depth = std::max(depth, child.Depth());
    return depth + 1;
  }
};

TEST(CheckTest, RecursiveGenerators) {
  gen::Generator<Expr> leaf = gen::Map(gen::Integers<int>(0, 9), [](int v) {
    return Expr{v, {}};
  });
  gen::Generator<Expr> expr = leaf;
  expr = gen::OneOf(
      leaf, gen::Lazy<Expr>([&expr] {
        return gen::Generator<Expr>(
            gen::Map(gen::Vectors(expr, 1, 2), [](std::vector<Expr> children) {
              return Expr{0, std::move(children)};
            }));
      }));
  int minimal_depth = -1;
  Result result = Check(
      "tree",
      [&](TestCase& tc) {
        Expr e = tc.Draw(expr);
        minimal_depth = e.Depth();
        LOCKSTEP_ASSERT(e.Depth() < 3);
      },
      Quiet());
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("tree");
  EXPECT_EQ(minimal_depth, 3);
  EXPECT_LT(result.shrink_calls, 2000u);
}

TEST(CheckTest, TwoBugsEachGetTheDrawsOfTheirOwnMinimalExample) {
  Result result = Check(
      "two bugs",
      [](TestCase& tc) {
        int x = tc.Draw(gen::Integers<int>(-100000, 100000));
        if (x > 1000) throw std::runtime_error("too big");
        LOCKSTEP_ASSERT(x > -1000);
      },
      Quiet());
  ASSERT_EQ(result.failures.size(), 2u) << result.Report("two bugs");
  for (const Failure& failure : result.failures) {
    // Each failure prints the draw of the replay of its own minimum.
    if (failure.message == "too big") {
      EXPECT_EQ(Values(failure), std::vector<std::string>{"1001"});
    } else {
      EXPECT_EQ(Values(failure), std::vector<std::string>{"-1000"})
          << failure.message;
    }
  }
  EXPECT_NE(result.failures[0].message, result.failures[1].message);
}

TEST(CheckTest, SixteenThreadsShareOneEngine) {
  Result warm_up = Check(
      "warm up", [](TestCase& tc) { tc.Draw(gen::Booleans()); }, Quiet());
  ASSERT_TRUE(warm_up.passed) << warm_up.Report("warm up");
  pid_t engine = client::Session::Global().engine_pid();
  ASSERT_GT(engine, 0);
  std::vector<Result> results(16);
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([i, &results] {
      results[i] = Check(
          "thread " + std::to_string(i),
          [i](TestCase& tc) {
            int x = tc.Draw(gen::Integers<int>(0, 100000));
            if (i % 2 == 0 && x > 1000 * i) throw std::runtime_error("over");
          },
          Quiet());
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < 16; ++i) {
    if (i % 2 == 0) {
      ASSERT_EQ(results[i].failures.size(), 1u) << i << results[i].Report("t");
      EXPECT_EQ(Values(results[i].failure()),
                std::vector<std::string>{std::to_string(1000 * i + 1)});
    } else {
      EXPECT_TRUE(results[i].passed) << i << results[i].Report("t");
    }
  }
  // The same engine process served all sixteen (none restarted it).
  EXPECT_EQ(client::Session::Global().engine_pid(), engine);
}

}  // namespace
}  // namespace lockstep
