// gen::Arbitrary, usage errors for impossible generators, and imperative
// generators with TestCase::Span and gen::Composite, end to end.
#include <array>
#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>

#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace generators_test {
struct Point {
  int x = 0;
  int y = 0;
};
}  // namespace generators_test

// A user type's default generator, found by gen::Arbitrary.
template <>
struct lockstep::gen::DefaultGenerator<generators_test::Point> {
  static auto Make() {
    return gen::Map(
        gen::TupleOf(gen::Integers<int>(0, 100), gen::Integers<int>(0, 100)),
        [](std::tuple<int, int> t) {
          return generators_test::Point{std::get<0>(t), std::get<1>(t)};
        });
  }
};

namespace lockstep {
namespace {

using generators_test::Point;

Settings Quiet() { return Settings().Derandomize(true).NoDatabase(); }

// The single draw of the only failure's minimal example.
std::string MinimalDraw(const Result& result) {
  if (result.failures.size() != 1 || result.failure().draws.size() != 1) {
    return "unexpected result: " + result.Report("test");
  }
  return result.failure().draws[0].value;
}

TEST(GeneratorsTest, ArbitraryCoversStandardTypesAndShrinks) {
  Result vectors = Check(
      "arbitrary vector",
      [](TestCase& tc) {
        auto v = tc.Draw(gen::Arbitrary<std::vector<int>>());
        LOCKSTEP_ASSERT(v.size() < 2);
      },
      Quiet());
  EXPECT_EQ(MinimalDraw(vectors), "{0, 0}");

  Result arrays = Check(
      "arbitrary array of optionals",
      [](TestCase& tc) {
        auto a = tc.Draw(gen::Arbitrary<std::array<std::optional<bool>, 2>>());
        LOCKSTEP_ASSERT(!a[1].has_value());
      },
      Quiet());
  EXPECT_EQ(MinimalDraw(arrays), "{nullopt, false}");

  Result maps = Check(
      "arbitrary unordered_map",
      [](TestCase& tc) {
        auto m = tc.Draw(gen::Arbitrary<std::unordered_map<int8_t, bool>>());
        LOCKSTEP_ASSERT(m.empty());
      },
      Quiet());
  EXPECT_EQ(MinimalDraw(maps), "{(0, false)}");

  Result variants = Check(
      "arbitrary variant",
      [](TestCase& tc) {
        auto v = tc.Draw(gen::Arbitrary<std::variant<int, std::string>>());
        LOCKSTEP_ASSERT(v.index() == 0);
      },
      Quiet());
  EXPECT_EQ(MinimalDraw(variants), "\"\"");

  Result pairs = Check(
      "arbitrary pair",
      [](TestCase& tc) {
        auto p = tc.Draw(gen::Arbitrary<std::pair<uint16_t, double>>());
        LOCKSTEP_ASSERT(p.first < 10);
      },
      Quiet());
  EXPECT_EQ(MinimalDraw(pairs), "(10, 0)");
}

TEST(GeneratorsTest, ArbitraryUsesAUserSpecialization) {
  Result result = Check(
      "arbitrary point",
      [](TestCase& tc) {
        Point p = tc.Draw("p", gen::Arbitrary<Point>());
        LOCKSTEP_ASSERT(p.x + p.y < 50);
      },
      Quiet());
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("point");
  // No operator<<: printed as its bytes, 0 and 50 (two ints).
  EXPECT_EQ(result.failure().draws[0].name, "p");
  EXPECT_EQ(result.failure().draws[0].value,
            "<8-byte object 00 00 00 00 32 00 00 00>");
}

TEST(GeneratorsTest, ImpossibleGeneratorsAreUsageErrorsNamingThem) {
  struct Case {
    const char* name;
    std::function<void(TestCase&)> body;
    const char* message;
  };
  const Case cases[] = {
      {"empty element_of",
       [](TestCase& tc) { tc.Draw(gen::ElementOf(std::vector<int>{})); },
       "usage error: gen::ElementOf: no values to choose from"},
      {"backwards integers",
       [](TestCase& tc) { tc.Draw(gen::Integers<int>(5, 3)); },
       "usage error: gen::Integers(5, 3): min is greater than max"},
      {"backwards vector",
       [](TestCase& tc) { tc.Draw(gen::VectorOf(gen::Booleans(), 4, 2)); },
       "usage error: gen::VectorOf(..., 4, 2): min_size is greater"},
      {"probability", [](TestCase& tc) { tc.Draw(gen::Booleans(1.5)); },
       "usage error: gen::Booleans(1.5): the probability is not in [0, 1]"},
      {"empty alphabet", [](TestCase& tc) { tc.Draw(gen::Text(0, 5, "")); },
       "usage error: gen::Text: the alphabet is empty"},
  };
  for (const Case& c : cases) {
    std::atomic<int> calls{0};
    Result result = Check(
        c.name,
        [&](TestCase& tc) {
          ++calls;
          c.body(tc);
        },
        Quiet());
    EXPECT_FALSE(result.passed) << c.name;
    EXPECT_TRUE(result.failures.empty()) << result.Report(c.name);
    EXPECT_EQ(result.error.find(c.message), 0u) << result.error;
    // The test ends at the first batch, with no shrinking.
    EXPECT_LE(calls.load(), 101) << c.name;
    EXPECT_EQ(result.shrink_calls, 0u) << c.name;
  }
}

// An expression drawn by plain recursive functions: each node is a Span, so
// the shrinker can delete or replace a whole subtree as a unit.
struct Expr {
  int value = 0;
  std::vector<Expr> children;
  int Depth() const {
    int depth = 0;
    for (const Expr& child : children) depth = std::max(depth, child.Depth());
    return depth + 1;
  }
};
std::ostream& operator<<(std::ostream& out, const Expr& e) {
  if (e.children.empty()) return out << e.value;
  out << "(";
  for (const Expr& child : e.children) out << child << " ";
  return out << ")";
}

Expr DrawExpr(TestCase& tc, int depth) {
  return tc.Span("expr", [&] {
    Expr e;
    if (depth < 4 && tc.DrawBoolean(0.4)) {
      int n = static_cast<int>(tc.DrawInteger(1, 3));
      for (int i = 0; i < n; ++i) e.children.push_back(DrawExpr(tc, depth + 1));
    } else {
      e.value = static_cast<int>(tc.DrawInteger(0, 9));
    }
    return e;
  });
}

TEST(GeneratorsTest, SpanMakesAnImperativeGeneratorOneValue) {
  Result result = Check(
      "imperative expr",
      [](TestCase& tc) {
        Expr e = DrawExpr(tc, 0);
        LOCKSTEP_ASSERT(e.Depth() < 3);
      },
      Quiet());
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("expr");
  // Printed once, as the span's label and value, not draw by draw.
  ASSERT_EQ(result.failure().draws.size(), 1u) << result.Report("expr");
  EXPECT_EQ(result.failure().draws[0].name, "expr");
  EXPECT_EQ(result.failure().draws[0].value, "((0 ) )");
}

TEST(GeneratorsTest, CompositeIsAReusableImperativeGenerator) {
  gen::Generator<std::pair<int, int>> ordered =
      gen::Composite<std::pair<int, int>>("ordered", [](TestCase& tc) {
        int low = static_cast<int>(tc.DrawInteger(0, 100));
        int high = low + static_cast<int>(tc.DrawInteger(0, 100));
        return std::make_pair(low, high);
      });
  Result result = Check(
      "composite",
      [&](TestCase& tc) {
        auto [low, high] = tc.Draw("range", ordered);
        LOCKSTEP_ASSERT(low <= high);
        LOCKSTEP_ASSERT(high - low < 10);
      },
      Quiet());
  EXPECT_EQ(MinimalDraw(result), "(0, 10)");
}

TEST(GeneratorsTest, OlderFactoryNamesStillBuildTheSameGenerators) {
  Result result = Check(
      "older names",
      [](TestCase& tc) {
        auto v = tc.Draw(gen::Vectors(gen::Tuples(gen::Booleans())));
        auto m = tc.Draw(gen::Maps(gen::Integers<int>(0, 3), gen::Just(1)));
        auto o = tc.Draw(gen::Optional(gen::Sets(gen::Integers<int>(0, 3))));
        LOCKSTEP_ASSERT(v.size() + m.size() + (o ? o->size() : 0) < 3);
      },
      Quiet());
  ASSERT_EQ(result.failures.size(), 1u) << result.Report("older names");
}

}  // namespace
}  // namespace lockstep
