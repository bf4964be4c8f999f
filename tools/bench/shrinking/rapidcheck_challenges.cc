// The shrinking challenge in RapidCheck, the same properties as
// challenges.cc (shared through challenges.h), with RapidCheck's own
// generators. Not built by Bazel (RapidCheck is not a build dependency):
// run_challenges.py compiles it with g++ outside the repository.
//
//   rapidcheck_challenges CHALLENGE SEED [TEST_CASES]
//
// RapidCheck reads its seed from RC_PARAMS once per process, so each run is a
// process. Prints "found=0|1 ideal=0|1 calls=N minimal=...". RapidCheck keeps
// every failing shrink candidate and does not replay the result, so the
// minimal example is the last *failing* invocation's value.
#include <rapidcheck.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <string>
#include <utility>

#include "tools/bench/shrinking/challenges.h"

namespace shrinking {
namespace {

using ::shrinking::Show;  // the overloads below would hide these
using Pair = std::pair<int, int>;
using Deletion = std::pair<List, size_t>;
std::string Show(const Pair& p) {
  return "(" + std::to_string(p.first) + ", " + std::to_string(p.second) + ")";
}
std::string Show(const Deletion& d) {
  return "(" + shrinking::Show(d.first) + ", " + std::to_string(d.second) + ")";
}

struct Outcome {
  bool found = false;
  bool ideal = false;
  uint64_t calls = 0;
  std::string minimal;
};

// `draw` runs inside the property (so `*gen` works there); it may discard
// with RC_PRE.
template <typename Value>
Outcome Run(const std::function<Value()>& draw,
            const std::function<bool(const Value&)>& fails,
            const std::function<bool(const Value&)>& ideal) {
  uint64_t calls = 0, first_failure = 0, last_failure = 0;
  Value minimal{};
  bool ok = rc::check([&] {
    ++calls;
    Value value = draw();
    bool failed = fails(value);
    if (failed) {
      if (first_failure == 0) first_failure = calls;
      last_failure = calls;
      minimal = value;
    }
    RC_ASSERT(!failed);
  });
  Outcome outcome;
  outcome.found = !ok && first_failure != 0;
  if (outcome.found) {
    (void)last_failure;
    outcome.calls = calls - first_failure;
    outcome.ideal = ideal(minimal);
    outcome.minimal = Show(minimal);
  }
  return outcome;
}

rc::Gen<int> Ints() { return rc::gen::arbitrary<int>(); }

rc::Gen<ExprPtr> Exprs(int depth) {
  rc::Gen<ExprPtr> leaf =
      rc::gen::map(Ints(), [](int v) { return Literal(v); });
  if (depth >= 8) return leaf;
  auto node = [depth](char op) {
    return rc::gen::lazy([depth, op] {
      return rc::gen::map(rc::gen::tuple(Exprs(depth + 1), Exprs(depth + 1)),
                          [op](const std::tuple<ExprPtr, ExprPtr>& t) {
                            return Node(op, std::get<0>(t), std::get<1>(t));
                          });
    });
  };
  return rc::gen::oneOf(leaf, node('+'), node('/'));
}

rc::Gen<HeapPtr> Heaps(int min, int depth) {
  if (depth >= 6) return rc::gen::just(HeapPtr());
  return rc::gen::oneOf(
      rc::gen::just(HeapPtr()), rc::gen::lazy([min, depth] {
        return rc::gen::mapcat(rc::gen::inRange(0, 1001), [min,
                                                           depth](int offset) {
          int head = min + offset;
          return rc::gen::map(
              rc::gen::tuple(Heaps(head, depth + 1), Heaps(head, depth + 1)),
              [head](const std::tuple<HeapPtr, HeapPtr>& t) {
                return MakeHeap(head, std::get<0>(t), std::get<1>(t));
              });
        });
      }));
}

Outcome RunChallenge(const std::string& name) {
  if (name == "reverse") {
    return Run<List>([] { return *rc::gen::arbitrary<List>(); }, ReverseFails,
                     ReverseIdeal);
  }
  if (name == "large_union_list") {
    return Run<Lists>([] { return *rc::gen::arbitrary<Lists>(); },
                      LargeUnionListFails, LargeUnionListIdeal);
  }
  if (name == "bound5") {
    return Run<Bound5>(
        [] {
          auto list =
              rc::gen::suchThat(rc::gen::container<std::vector<int16_t>>(
                                    rc::gen::arbitrary<int16_t>()),
                                [](const std::vector<int16_t>& l) {
                                  return l.size() <= 10 && Bound5ListOk(l);
                                });
          Bound5 lists;
          for (auto& l : lists) l = *list;
          return lists;
        },
        Bound5Fails, Bound5Ideal);
  }
  if (name == "calculator") {
    return Run<ExprPtr>(
        [] {
          ExprPtr e = *Exprs(0);
          RC_PRE(NoLiteralDivisionByZero(e));
          return e;
        },
        CalculatorFails, CalculatorIdeal);
  }
  if (name == "lengthlist") {
    return Run<List>(
        [] {
          return *rc::gen::mapcat(rc::gen::inRange(1, 101), [](int n) {
            return rc::gen::container<List>(n, rc::gen::inRange(0, 1001));
          });
        },
        LengthListFails, LengthListIdeal);
  }
  if (name.rfind("difference_", 0) == 0) {
    char which = name.back();
    auto fails = [which](const Pair& p) {
      return which == '1'   ? Difference1Fails(p.first, p.second)
             : which == '2' ? Difference2Fails(p.first, p.second)
                            : Difference3Fails(p.first, p.second);
    };
    Pair ideal = which == '1'   ? Pair{10, 10}
                 : which == '2' ? Pair{10, 6}
                                : Pair{10, 9};
    return Run<Pair>(
        [] {
          int x = *rc::gen::positive<int>();
          int y = *rc::gen::positive<int>();
          return Pair{x, y};
        },
        fails, [ideal](const Pair& p) { return p == ideal; });
  }
  if (name == "coupling") {
    return Run<List>(
        [] {
          List list = *rc::gen::container<List>(rc::gen::inRange(0, 11));
          RC_PRE(CouplingValid(list));
          return list;
        },
        CouplingFails, CouplingIdeal);
  }
  if (name == "deletion") {
    return Run<Deletion>(
        [] {
          List list = *rc::gen::nonEmpty(rc::gen::arbitrary<List>());
          size_t index = *rc::gen::inRange<size_t>(0, list.size());
          return Deletion{list, index};
        },
        [](const Deletion& d) { return DeletionFails(d.first, d.second); },
        [](const Deletion& d) { return DeletionIdeal(d.first, d.second); });
  }
  if (name == "distinct") {
    return Run<List>([] { return *rc::gen::arbitrary<List>(); }, DistinctFails,
                     DistinctIdeal);
  }
  if (name == "nestedlists") {
    return Run<Lists>([] { return *rc::gen::arbitrary<Lists>(); },
                      NestedListsFails, NestedListsIdeal);
  }
  if (name == "binheap") {
    return Run<HeapPtr>([] { return *Heaps(0, 0); }, BinHeapFails,
                        BinHeapIdeal);
  }
  std::fprintf(stderr, "unknown challenge %s\n", name.c_str());
  std::exit(2);
}

}  // namespace
}  // namespace shrinking

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CHALLENGE SEED [TEST_CASES]\n", argv[0]);
    return 2;
  }
  std::string cases = argc > 3 ? argv[3] : "1000";
  std::string params = std::string("seed=") + argv[2] +
                       " max_success=" + cases +
                       " verbose_progress=0 verbose_shrinking=0";
  setenv("RC_PARAMS", params.c_str(), 1);
  shrinking::Outcome outcome = shrinking::RunChallenge(argv[1]);
  // RapidCheck's own report goes to stdout first; this line is last.
  std::printf("\nRESULT found=%d ideal=%d calls=%llu minimal=%s\n",
              outcome.found, outcome.ideal,
              static_cast<unsigned long long>(outcome.calls),
              outcome.minimal.c_str());
  return 0;
}
