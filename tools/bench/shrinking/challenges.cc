// The shrinking challenge in lockstep: for each challenge and seed, runs the
// property, and reports whether the minimal example is the challenge's ideal
// and how many body invocations shrinking took. run_challenges.py runs this
// next to the RapidCheck and Hypothesis versions.
//
//   challenges --seeds=20 [--only=calculator] [--verbose]
//
// "Shrink calls" are body invocations after the first failing one (the
// final replay of the minimal example included), counted in the body, the
// same way for every tool; Result::shrink_calls is printed beside them.
#include "tools/bench/shrinking/challenges.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_split.h"
#include "client/lockstep.h"

ABSL_FLAG(int, seeds, 20, "runs per challenge, with seeds 1..N");
ABSL_FLAG(std::string, only, "", "comma-separated challenges to run");
ABSL_FLAG(uint32_t, test_cases, 1000, "cases to search for a failure");
ABSL_FLAG(bool, verbose, false, "print every run's minimal example");

namespace shrinking {
namespace {

namespace gen = lockstep::gen;
using lockstep::TestCase;
using ::shrinking::Show;  // the overloads below would hide these

using Pair = std::pair<int, int>;
std::string Show(const Pair& p) {
  return "(" + std::to_string(p.first) + ", " + std::to_string(p.second) + ")";
}
using Deletion = std::pair<List, size_t>;
std::string Show(const Deletion& d) {
  return "(" + shrinking::Show(d.first) + ", " + std::to_string(d.second) + ")";
}

struct RunRecord {
  bool found = false;
  bool ideal = false;
  uint64_t shrink_calls = 0;         // counted in the body
  uint64_t engine_shrink_calls = 0;  // Result::shrink_calls
  std::string minimal;
};

// Runs one challenge once: `draw` generates the value, `fails` is the
// negation of the property.
template <typename Value>
RunRecord RunOne(const std::string& name, uint64_t seed,
                 const std::function<Value(TestCase&)>& draw,
                 const std::function<bool(const Value&)>& fails,
                 const std::function<bool(const Value&)>& ideal) {
  uint64_t calls = 0;
  uint64_t first_failure = 0;
  Value last{};
  lockstep::Settings settings;
  settings.test_cases = absl::GetFlag(FLAGS_test_cases);
  settings.seed = seed;
  settings.database = lockstep::kNoDatabase;
  lockstep::Result result = lockstep::Check(
      name,
      [&](TestCase& tc) {
        ++calls;
        Value value = draw(tc);
        // The minimal example is replayed last, so `last` ends up holding it.
        last = value;
        bool failed = fails(value);
        if (failed && first_failure == 0) first_failure = calls;
        LOCKSTEP_ASSERT(!failed);
      },
      settings);
  RunRecord record;
  if (!result.error.empty()) {
    std::fprintf(stderr, "%s seed %llu: %s\n", name.c_str(),
                 static_cast<unsigned long long>(seed), result.error.c_str());
  }
  record.found = !result.passed && first_failure != 0;
  if (record.found) {
    record.shrink_calls = calls - first_failure;
    record.engine_shrink_calls = result.shrink_calls;
    record.ideal = fails(last) && ideal(last);
    record.minimal = Show(last);
  }
  return record;
}

List DrawList(TestCase& tc) {
  return tc.Draw(gen::Vectors(gen::Integers<int>()));
}

Lists DrawLists(TestCase& tc) {
  return tc.Draw(gen::Vectors(gen::Vectors(gen::Integers<int>())));
}

// Expressions: a literal, or '+' / '/' over two subexpressions; below a
// depth limit, since a uniform choice among the three grows without bound.
class ExprGenerator {
 public:
  using value_type = ExprPtr;
  explicit ExprGenerator(int depth) : depth_(depth) {}
  std::string label() const { return "expr"; }
  ExprPtr Generate(TestCase& tc) const {
    // The kind is drawn even at the depth limit, so that a subexpression
    // moved up or down (by the shrinker) still reads its own choices.
    int kind = tc.Draw(gen::Integers<int>(0, 2));
    if (kind == 0 || depth_ >= 8) return Literal(tc.Draw(gen::Integers<int>()));
    ExprPtr left = tc.Draw(ExprGenerator(depth_ + 1));
    ExprPtr right = tc.Draw(ExprGenerator(depth_ + 1));
    return Node(kind == 1 ? '+' : '/', std::move(left), std::move(right));
  }

 private:
  int depth_;
};

// Heaps: each node's key is its parent's plus a non-negative offset, so the
// heap property holds by construction.
class HeapGenerator {
 public:
  using value_type = HeapPtr;
  HeapGenerator(int min, int depth) : min_(min), depth_(depth) {}
  std::string label() const { return "heap"; }
  HeapPtr Generate(TestCase& tc) const {
    // The flag is drawn even at the depth limit, so that a subtree moved up
    // or down (by the shrinker) still reads its own choices.
    if (!tc.Draw(gen::Booleans(0.5)) || depth_ >= 6) return nullptr;
    int head = min_ + tc.Draw(gen::Integers<int>(0, 1000));
    HeapPtr left = tc.Draw(HeapGenerator(head, depth_ + 1));
    HeapPtr right = tc.Draw(HeapGenerator(head, depth_ + 1));
    return MakeHeap(head, std::move(left), std::move(right));
  }

 private:
  int min_, depth_;
};

Pair DrawPositivePair(TestCase& tc) {
  int x = tc.Draw(gen::Integers<int>(1, std::numeric_limits<int>::max()));
  int y = tc.Draw(gen::Integers<int>(1, std::numeric_limits<int>::max()));
  return {x, y};
}

struct Challenge {
  std::string name;
  std::function<RunRecord(const std::string&, uint64_t)> run;
};

template <typename Value>
Challenge Make(std::string name, std::function<Value(TestCase&)> draw,
               std::function<bool(const Value&)> fails,
               std::function<bool(const Value&)> ideal) {
  return Challenge{std::move(name), [=](const std::string& n, uint64_t seed) {
                     return RunOne<Value>(n, seed, draw, fails, ideal);
                   }};
}

std::vector<Challenge> Challenges() {
  std::vector<Challenge> all;
  all.push_back(Make<List>("reverse", DrawList, ReverseFails, ReverseIdeal));
  all.push_back(Make<Lists>("large_union_list", DrawLists, LargeUnionListFails,
                            LargeUnionListIdeal));
  all.push_back(Make<Bound5>(
      "bound5",
      [](TestCase& tc) {
        auto list = gen::Filter(gen::Vectors(gen::Integers<int16_t>(), 0, 10),
                                Bound5ListOk);
        Bound5 lists;
        for (auto& l : lists) l = tc.Draw(list);
        return lists;
      },
      Bound5Fails, Bound5Ideal));
  all.push_back(Make<ExprPtr>(
      "calculator",
      [](TestCase& tc) {
        ExprPtr e = tc.Draw(ExprGenerator(0));
        tc.Assume(NoLiteralDivisionByZero(e));
        return e;
      },
      CalculatorFails, CalculatorIdeal));
  all.push_back(Make<List>(
      "lengthlist",
      [](TestCase& tc) {
        return tc.Draw(gen::FlatMap(gen::Integers<int>(1, 100), [](int n) {
          return gen::Vectors(gen::Integers<int>(0, 1000), n, n);
        }));
      },
      LengthListFails, LengthListIdeal));
  all.push_back(Make<Pair>(
      "difference_1", DrawPositivePair,
      [](const Pair& p) { return Difference1Fails(p.first, p.second); },
      [](const Pair& p) {
        return p == Pair{10, 10};
      }));
  all.push_back(Make<Pair>(
      "difference_2", DrawPositivePair,
      [](const Pair& p) { return Difference2Fails(p.first, p.second); },
      [](const Pair& p) {
        return p == Pair{10, 6};
      }));
  all.push_back(Make<Pair>(
      "difference_3", DrawPositivePair,
      [](const Pair& p) { return Difference3Fails(p.first, p.second); },
      [](const Pair& p) {
        return p == Pair{10, 9};
      }));
  all.push_back(Make<List>(
      "coupling",
      [](TestCase& tc) {
        List list = tc.Draw(gen::Vectors(gen::Integers<int>(0, 10)));
        tc.Assume(CouplingValid(list));
        return list;
      },
      CouplingFails, CouplingIdeal));
  all.push_back(Make<Deletion>(
      "deletion",
      [](TestCase& tc) {
        List list = tc.Draw(gen::Vectors(gen::Integers<int>(), 1, 100));
        size_t index = tc.Draw(gen::Integers<size_t>(0, list.size() - 1));
        return Deletion{list, index};
      },
      [](const Deletion& d) { return DeletionFails(d.first, d.second); },
      [](const Deletion& d) { return DeletionIdeal(d.first, d.second); }));
  all.push_back(Make<List>("distinct", DrawList, DistinctFails, DistinctIdeal));
  all.push_back(Make<Lists>("nestedlists", DrawLists, NestedListsFails,
                            NestedListsIdeal));
  all.push_back(Make<HeapPtr>(
      "binheap", [](TestCase& tc) { return tc.Draw(HeapGenerator(0, 0)); },
      BinHeapFails, BinHeapIdeal));
  return all;
}

}  // namespace
}  // namespace shrinking

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::vector<std::string> only =
      absl::StrSplit(absl::GetFlag(FLAGS_only), ',', absl::SkipEmpty());
  const int seeds = absl::GetFlag(FLAGS_seeds);
  std::printf("%-18s %7s %7s %12s %12s\n", "challenge", "found", "ideal",
              "mean calls", "engine calls");
  for (const shrinking::Challenge& challenge : shrinking::Challenges()) {
    if (!only.empty() &&
        std::find(only.begin(), only.end(), challenge.name) == only.end()) {
      continue;
    }
    int found = 0, ideal = 0;
    uint64_t calls = 0, engine_calls = 0;
    for (int seed = 1; seed <= seeds; ++seed) {
      shrinking::RunRecord run = challenge.run(challenge.name, seed);
      if (absl::GetFlag(FLAGS_verbose)) {
        std::printf("  %s seed=%d found=%d ideal=%d calls=%llu minimal=%s\n",
                    challenge.name.c_str(), seed, run.found, run.ideal,
                    static_cast<unsigned long long>(run.shrink_calls),
                    run.minimal.c_str());
      }
      if (!run.found) continue;
      ++found;
      ideal += run.ideal;
      calls += run.shrink_calls;
      engine_calls += run.engine_shrink_calls;
    }
    std::printf("%-18s %3d/%-3d %3d/%-3d %12.1f %12.1f\n",
                challenge.name.c_str(), found, seeds, ideal, seeds,
                found ? static_cast<double>(calls) / found : 0.0,
                found ? static_cast<double>(engine_calls) / found : 0.0);
    std::fflush(stdout);
  }
  return 0;
}
