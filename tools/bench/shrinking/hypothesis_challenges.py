#!/usr/bin/python3
"""The shrinking challenge in Hypothesis, the same properties as challenges.cc.

  hypothesis_challenges.py --seeds=20 [--only=calculator] [--verbose]

Prints one line per challenge: found/runs, ideal/runs, mean shrink calls
(body invocations after the first failing one, the final replay of the
minimal example included, as for lockstep).
"""
import argparse
import sys

from hypothesis import HealthCheck, Phase, Verbosity, assume, given, seed
from hypothesis import settings
from hypothesis import strategies as st

# Unbounded, as in the challenge's own Hypothesis versions.
INTS = st.integers()


def sum16(values):
    total = sum(values) & 0xFFFF
    return total - 0x10000 if total >= 0x8000 else total


def evaluate(e):
    if isinstance(e, int):
        return e
    left, right = evaluate(e[1]), evaluate(e[2])
    if e[0] == "+":
        return left + right
    return int(left / right)  # ZeroDivisionError when right == 0


def div_subterms(e):
    if isinstance(e, int):
        return True
    if e[0] == "/" and e[2] == 0:
        return False
    return div_subterms(e[1]) and div_subterms(e[2])


def exprs(depth=0):
    leaf = INTS
    if depth >= 8:
        # The same choice of kind as above the limit, always a literal.
        return st.one_of(leaf, leaf, leaf)
    sub = st.deferred(lambda: exprs(depth + 1))
    return st.one_of(leaf, st.tuples(st.just("+"), sub, sub),
                     st.tuples(st.just("/"), sub, sub))


def heaps(lo=0, depth=0):
    if depth >= 6:
        return st.one_of(st.none(), st.none())  # the same choice, always None
    return st.one_of(st.none(), st.integers(0, 1000).flatmap(
        lambda off: st.tuples(st.just(lo + off), heaps(lo + off, depth + 1),
                              heaps(lo + off, depth + 1))))


def heap_to_list(heap):
    out, stack = [], [heap]
    while stack:
        h = stack.pop()
        if h is None:
            continue
        out.append(h[0])
        stack.append(h[1])
        stack.append(h[2])
    return out


def merge_heaps(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] <= b[0]:
        return (a[0], merge_heaps(a[2], b), a[1])
    return (b[0], merge_heaps(b[2], a), b[1])


def wrong_to_sorted_list(heap):
    if heap is None:
        return []
    return [heap[0]] + heap_to_list(merge_heaps(heap[1], heap[2]))


def binheap_fails(heap):
    l1, l2 = heap_to_list(heap), wrong_to_sorted_list(heap)
    return l2 != sorted(l2) or sorted(l1) != l2


def coupling_fails(ls):
    return any(i != j and ls[j] == i for i, j in enumerate(ls))


def deletion_fails(pair):
    ls, index = pair
    rest = list(ls)
    x = rest[index]
    rest.remove(x)
    return x in rest


def bound5_ideal(p):
    values = sorted(x for sub in p for x in sub)
    return sum(1 for sub in p if sub) == 2 and values == [-32768, -1]


bounded16 = st.lists(st.integers(-32768, 32767), max_size=10).filter(
    lambda x: sum16(x) < 256)


@st.composite
def deletion_case(draw):
    ls = draw(st.lists(INTS, min_size=1, max_size=100))
    return ls, draw(st.integers(0, len(ls) - 1))


@st.composite
def coupling_case(draw):
    ls = draw(st.lists(st.integers(0, 10)))
    assume(all(v < len(ls) for v in ls))
    return ls


@st.composite
def calculator_case(draw):
    e = draw(exprs())
    assume(div_subterms(e))
    return e


positive = st.integers(1, 2**31 - 1)

# name: (strategy, fails(value), ideal(value))
CHALLENGES = {
    "reverse": (st.lists(INTS), lambda ls: ls != ls[::-1],
                lambda ls: sorted(ls) == [0, 1]),
    "large_union_list": (
        st.lists(st.lists(INTS)),
        lambda ls: len({x for l in ls for x in l}) >= 5,
        lambda ls: len(ls) == 1 and sorted(ls[0]) == [-2, -1, 0, 1, 2]),
    "bound5": (st.tuples(*[bounded16] * 5),
               lambda p: sum16([sum16(l) for l in p]) >= 5 * 256,
               bound5_ideal),
    "calculator": (calculator_case(), lambda e: _raises(evaluate, e),
                   lambda e: e == ("/", 0, ("+", 0, 0))),
    "lengthlist": (
        st.integers(1, 100).flatmap(
            lambda n: st.lists(st.integers(0, 1000), min_size=n, max_size=n)),
        lambda ls: max(ls) >= 900, lambda ls: ls == [900]),
    "difference_1": (st.tuples(positive, positive),
                     lambda p: p[0] >= 10 and p[0] == p[1],
                     lambda p: p == (10, 10)),
    "difference_2": (st.tuples(positive, positive),
                     lambda p: p[0] >= 10 and 1 <= abs(p[0] - p[1]) <= 4,
                     lambda p: p == (10, 6)),
    "difference_3": (st.tuples(positive, positive),
                     lambda p: p[0] >= 10 and abs(p[0] - p[1]) == 1,
                     lambda p: p == (10, 9)),
    "coupling": (coupling_case(), coupling_fails, lambda ls: ls == [1, 0]),
    "deletion": (deletion_case(), deletion_fails,
                 lambda p: p == ([0, 0], 0)),
    "distinct": (st.lists(INTS), lambda ls: len(set(ls)) >= 3,
                 lambda ls: ls in ([0, 1, -1], [0, 1, 2])),
    "nestedlists": (st.lists(st.lists(INTS)),
                    lambda ls: sum(map(len, ls)) > 10,
                    lambda ls: ls == [[0] * 11]),
    "binheap": (heaps(), binheap_fails,
                lambda h: sorted(heap_to_list(h)) == [0, 0, 0, 1]),
}


def _raises(function, value):
    try:
        function(value)
        return False
    except ZeroDivisionError:
        return True


def run_one(strategy, fails, ideal, the_seed, test_cases):
    state = {"calls": 0, "first": 0, "last": None}

    @seed(the_seed)
    @settings(max_examples=test_cases, database=None, deadline=None,
              suppress_health_check=list(HealthCheck),
              phases=[Phase.generate, Phase.shrink],
              verbosity=Verbosity.quiet)
    @given(strategy)
    def test(value):
        state["calls"] += 1
        state["last"] = value  # the minimal example is replayed last
        failed = fails(value)
        if failed and not state["first"]:
            state["first"] = state["calls"]
        assert not failed

    try:
        test()
        return None
    except AssertionError:
        pass
    last = state["last"]
    return (state["calls"] - state["first"], bool(fails(last) and ideal(last)),
            last)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--only", default="")
    parser.add_argument("--test-cases", type=int, default=1000)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    only = [n for n in args.only.split(",") if n]
    print(f"{'challenge':18} {'found':>7} {'ideal':>7} {'mean calls':>12}")
    for name, (strategy, fails, ideal) in CHALLENGES.items():
        if only and name not in only:
            continue
        found = ideal_count = calls = 0
        for s in range(1, args.seeds + 1):
            run = run_one(strategy, fails, ideal, s, args.test_cases)
            if args.verbose:
                print(f"  {name} seed={s} run={run}")
            if run is None:
                continue
            found += 1
            calls += run[0]
            ideal_count += run[1]
        mean = calls / found if found else 0.0
        print(f"{name:18} {found:3}/{args.seeds:<3} "
              f"{ideal_count:3}/{args.seeds:<3} {mean:12.1f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
