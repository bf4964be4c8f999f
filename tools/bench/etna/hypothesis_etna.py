#!/usr/bin/env python3
"""Etna's BST and RBT workloads in Hypothesis: same command line and output
as lockstep_etna (runner.h), trees.h and properties.h ported line for line.

  hypothesis_etna.py bst 20 10 10000 [insert_1:InsertValid ...]

Each trial is one @given test with @seed(trial), generation only (no
shrinking), no database; `tests` counts body invocations up to the first
failing one.
"""
import sys
import time

from hypothesis import HealthCheck, Phase, assume, given, seed, settings
from hypothesis import strategies as st

MAX_VALUE = 1000
R, B = "R", "B"

# Trees: None, or (color, left, key, value, right).


def T(c, l, k, v, r):
    return (c, l, k, v, r)


def find(t, k):
    while t is not None:
        if k < t[2]:
            t = t[1]
        elif k > t[2]:
            t = t[4]
        else:
            return t[3]
    return None


def to_list(t, out=None):
    if out is None:
        out = []
    if t is not None:
        to_list(t[1], out)
        out.append((t[2], t[3]))
        to_list(t[4], out)
    return out


def ordered(t, lo, hi):
    if t is None:
        return True
    if (lo is not None and t[2] <= lo) or (hi is not None and t[2] >= hi):
        return False
    return ordered(t[1], lo, t[2]) and ordered(t[4], t[2], hi)


def is_bst(t):
    return ordered(t, None, None)


# ---- BST

def bst_insert(m, k, v, t):
    if t is None or m == "insert_1":
        return T(B, None, k, v, None)
    c, l, tk, tv, r = t
    if k < tk:
        return T(B, bst_insert(m, k, v, l), tk, tv, r)
    if k > tk:
        return T(B, l, tk, tv, bst_insert(m, k, v, r))
    if m == "insert_2":
        return T(B, l, tk, tv, bst_insert(m, k, v, r))
    if m == "insert_3":
        return t
    return T(B, l, k, v, r)


def bst_join(l, r):
    if l is None:
        return r
    if r is None:
        return l
    return T(B, l[1], l[2], l[3], T(B, bst_join(l[4], r[1]), r[2], r[3], r[4]))


def bst_delete(m, k, t):
    if t is None:
        return t
    c, l, tk, tv, r = t
    if k < tk:
        if m == "delete_4":
            return bst_delete(m, k, l)
        if m == "delete_5":
            return T(B, l, tk, tv, bst_delete(m, k, r))
        return T(B, bst_delete(m, k, l), tk, tv, r)
    if k > tk:
        if m == "delete_4":
            return bst_delete(m, k, r)
        if m == "delete_5":
            return T(B, bst_delete(m, k, l), tk, tv, r)
        return T(B, l, tk, tv, bst_delete(m, k, r))
    return bst_join(l, r)


def below(k, t, or_equal=False):
    if t is None:
        return t
    if t[2] < k or (or_equal and t[2] == k):
        return T(B, t[1], t[2], t[3], below(k, t[4], or_equal))
    return below(k, t[1], or_equal)


def above(k, t, or_equal=False):
    if t is None:
        return t
    if t[2] > k or (or_equal and t[2] == k):
        return T(B, above(k, t[1], or_equal), t[2], t[3], t[4])
    return above(k, t[4], or_equal)


def bst_union(m, a, b):
    if a is None:
        return b
    if b is None:
        return a
    if m == "union_6":
        return T(B, a[1], a[2], a[3], bst_union(m, a[4], b))
    value = a[3]
    if m == "union_8":
        theirs = find(b, a[2])
        if theirs is not None:
            value = theirs
    return T(B, bst_union(m, a[1], below(a[2], b)), a[2], value,
             bst_union(m, a[4], above(a[2], b, m == "union_7")))


# ---- RBT (Okasaki's insertion, Kahrs's deletion)

def red(t):
    return t is not None and t[0] == R


def black(t):
    return t is not None and t[0] == B


def balance(m, l, k, v, r):
    def make(a, x, vx, b, y, vy, c, z, vz, d):
        if m == "swap_cd":
            c, d = d, c
        if m == "swap_bc":
            b, c = c, b
        if m == "swap_ad":
            a, d = d, a
        return T(R, T(B, a, x, vx, b), y, vy, T(B, c, z, vz, d))
    if red(l) and red(r):
        return T(R, T(B, l[1], l[2], l[3], l[4]), k, v,
                 T(B, r[1], r[2], r[3], r[4]))
    if red(l) and red(l[1]):
        ll = l[1]
        return make(ll[1], ll[2], ll[3], ll[4], l[2], l[3], l[4], k, v, r)
    if red(l) and red(l[4]):
        lr = l[4]
        return make(l[1], l[2], l[3], lr[1], lr[2], lr[3], lr[4], k, v, r)
    if red(r) and red(r[4]):
        rr = r[4]
        return make(l, k, v, r[1], r[2], r[3], rr[1], rr[2], rr[3], rr[4])
    if red(r) and red(r[1]):
        rl = r[1]
        return make(l, k, v, rl[1], rl[2], rl[3], rl[4], r[2], r[3], r[4])
    return T(B, l, k, v, r)


def blacken(t):
    return None if t is None else T(B, t[1], t[2], t[3], t[4])


def redden(t):
    return T(R, t[1], t[2], t[3], t[4]) if black(t) else t


def rbt_ins(m, k, v, t):
    if t is None:
        return T(B if m == "miscolor_insert" else R, None, k, v, None)
    c, l, tk, tv, r = t
    if k < tk:
        nl = rbt_ins(m, k, v, l)
        if c == B and m != "no_balance_insert_1":
            return balance(m, nl, tk, tv, r)
        return T(c, nl, tk, tv, r)
    if k > tk:
        nr = rbt_ins(m, k, v, r)
        if c == B and m != "no_balance_insert_2":
            return balance(m, l, tk, tv, nr)
        return T(c, l, tk, tv, nr)
    return T(c, l, k, v, r)


def bal_left(m, l, k, v, r):
    if red(l):
        c = R if m == "miscolor_balLeft" else B
        return T(R, T(c, l[1], l[2], l[3], l[4]), k, v, r)
    if black(r):
        return balance(m, l, k, v, redden(r))
    if red(r) and black(r[1]):
        rl = r[1]
        return T(R, T(B, l, k, v, rl[1]), rl[2], rl[3],
                 balance(m, rl[4], r[2], r[3], redden(r[4])))
    return T(B, l, k, v, r)


def bal_right(m, l, k, v, r):
    if red(r):
        c = R if m == "miscolor_balRight" else B
        return T(R, l, k, v, T(c, r[1], r[2], r[3], r[4]))
    if black(l):
        return balance(m, redden(l), k, v, r)
    if red(l) and black(l[4]):
        lr = l[4]
        return T(R, balance(m, redden(l[1]), l[2], l[3], lr[1]), lr[2], lr[3],
                 T(B, lr[4], k, v, r))
    return T(B, l, k, v, r)


def rbt_join(m, a, b):
    if a is None:
        return b
    if b is None:
        return a
    if red(a) and red(b):
        bc = rbt_join(m, a[4], b[1])
        if red(bc):
            c = B if m == "miscolor_join_1" else R
            return T(c, T(R, a[1], a[2], a[3], bc[1]), bc[2], bc[3],
                     T(R, bc[4], b[2], b[3], b[4]))
        return T(R, a[1], a[2], a[3], T(R, bc, b[2], b[3], b[4]))
    if black(a) and black(b):
        bc = rbt_join(m, a[4], b[1])
        if red(bc):
            c = R if m == "miscolor_join_2" else B
            return T(R, T(c, a[1], a[2], a[3], bc[1]), bc[2], bc[3],
                     T(c, bc[4], b[2], b[3], b[4]))
        return bal_left(m, a[1], a[2], a[3], T(B, bc, b[2], b[3], b[4]))
    if red(b):
        return T(R, rbt_join(m, a, b[1]), b[2], b[3], b[4])
    return T(R, a[1], a[2], a[3], rbt_join(m, a[4], b))


def rbt_del(m, k, t):
    if t is None:
        return t
    c, l, tk, tv, r = t
    if k < tk:
        if black(l):
            return bal_left(m, rbt_del(m, k, l), tk, tv, r)
        return T(B if m == "miscolor_delete" else R, rbt_del(m, k, l), tk, tv, r)
    if k > tk:
        if black(r):
            return bal_right(m, l, tk, tv, rbt_del(m, k, r))
        return T(B if m == "miscolor_delete" else R, l, tk, tv, rbt_del(m, k, r))
    return rbt_join(m, l, r)


def black_height(t):
    if t is None:
        return 1
    if red(t) and (red(t[1]) or red(t[4])):
        return -1
    l, r = black_height(t[1]), black_height(t[4])
    if l < 0 or r < 0 or l != r:
        return -1
    return l + (1 if t[0] == B else 0)


class Impl:
    def __init__(self, workload, mutant):
        self.m = mutant
        if workload == "bst":
            self.insert = lambda k, v, t: bst_insert(mutant, k, v, t)
            self.delete = lambda k, t: bst_delete(mutant, k, t)
            self.valid = is_bst
        else:
            self.insert = lambda k, v, t: blacken(rbt_ins(mutant, k, v, t))
            self.delete = lambda k, t: blacken(rbt_del(mutant, k, t))
            self.valid = lambda t: is_bst(t) and black_height(t) >= 0
        self.union = lambda a, b: bst_union(mutant, a, b)

    def build(self, pairs):
        t = None
        for k, v in pairs:
            t = self.insert(k, v, t)
        return t


BST_PROPERTIES = {
    "InsertValid": (1, 1, 1), "DeleteValid": (1, 1, 0), "UnionValid": (2, 0, 0),
    "InsertPost": (1, 2, 1), "DeletePost": (1, 2, 0), "UnionPost": (2, 1, 0),
    "InsertModel": (1, 1, 1), "DeleteModel": (1, 1, 0), "UnionModel": (2, 0, 0),
    "InsertInsert": (1, 2, 2), "InsertDelete": (1, 2, 1),
    "InsertUnion": (2, 1, 1), "DeleteInsert": (1, 2, 1),
    "DeleteDelete": (1, 2, 0), "DeleteUnion": (2, 1, 0),
    "UnionDeleteInsert": (2, 1, 1), "UnionUnionIdem": (1, 0, 0),
    "UnionUnionAssoc": (3, 0, 0)}
RBT_PROPERTIES = {name: BST_PROPERTIES[name] for name in [
    "InsertValid", "DeleteValid", "InsertPost", "DeletePost", "InsertModel",
    "DeleteModel", "InsertInsert", "InsertDelete", "DeleteInsert",
    "DeleteDelete"]}


def model_insert(k, v, e):
    return sorted([p for p in e if p[0] != k] + [(k, v)])


def model_delete(k, e):
    return [p for p in e if p[0] != k]


def model_union(a, b):
    m = dict(b)
    m.update(dict(a))
    return sorted(m.items())


def holds(impl, name, trees, k, v):
    t = [impl.build(pairs) for pairs in trees]
    if not all(impl.valid(x) for x in t):
        return None  # discard
    same = lambda a, b: to_list(a) == to_list(b)
    I, D, U = impl.insert, impl.delete, impl.union
    if name == "InsertValid":
        return impl.valid(I(k[0], v[0], t[0]))
    if name == "DeleteValid":
        return impl.valid(D(k[0], t[0]))
    if name == "UnionValid":
        return impl.valid(U(t[0], t[1]))
    if name == "InsertPost":
        want = v[0] if k[0] == k[1] else find(t[0], k[1])
        return find(I(k[0], v[0], t[0]), k[1]) == want
    if name == "DeletePost":
        want = None if k[0] == k[1] else find(t[0], k[1])
        return find(D(k[0], t[0]), k[1]) == want
    if name == "UnionPost":
        want = find(t[0], k[0])
        if want is None:
            want = find(t[1], k[0])
        return find(U(t[0], t[1]), k[0]) == want
    if name == "InsertModel":
        return to_list(I(k[0], v[0], t[0])) == model_insert(k[0], v[0], to_list(t[0]))
    if name == "DeleteModel":
        return to_list(D(k[0], t[0])) == model_delete(k[0], to_list(t[0]))
    if name == "UnionModel":
        return to_list(U(t[0], t[1])) == model_union(to_list(t[0]), to_list(t[1]))
    if name == "InsertInsert":
        lhs = I(k[0], v[0], I(k[1], v[1], t[0]))
        rhs = (I(k[0], v[0], t[0]) if k[0] == k[1]
               else I(k[1], v[1], I(k[0], v[0], t[0])))
        return same(lhs, rhs)
    if name == "InsertDelete":
        lhs = I(k[0], v[0], D(k[1], t[0]))
        rhs = (I(k[0], v[0], t[0]) if k[0] == k[1]
               else D(k[1], I(k[0], v[0], t[0])))
        return same(lhs, rhs)
    if name == "InsertUnion":
        return same(I(k[0], v[0], U(t[0], t[1])), U(I(k[0], v[0], t[0]), t[1]))
    if name == "DeleteInsert":
        lhs = D(k[0], I(k[1], v[0], t[0]))
        rhs = (D(k[0], t[0]) if k[0] == k[1]
               else I(k[1], v[0], D(k[0], t[0])))
        return same(lhs, rhs)
    if name == "DeleteDelete":
        return same(D(k[0], D(k[1], t[0])), D(k[1], D(k[0], t[0])))
    if name == "DeleteUnion":
        return same(D(k[0], U(t[0], t[1])), U(D(k[0], t[0]), D(k[0], t[1])))
    if name == "UnionDeleteInsert":
        return same(U(D(k[0], t[0]), I(k[0], v[0], t[1])),
                    I(k[0], v[0], U(t[0], t[1])))
    if name == "UnionUnionIdem":
        return same(U(t[0], t[0]), t[0])
    if name == "UnionUnionAssoc":
        return same(U(U(t[0], t[1]), t[2]), U(t[0], U(t[1], t[2])))
    return True


def run_trial(workload, max_key, budget, mutant, prop, trial):
    ntrees, nkeys, nvalues = (BST_PROPERTIES if workload == "bst"
                              else RBT_PROPERTIES)[prop]
    impl = Impl(workload, mutant)
    pairs = st.lists(st.tuples(st.integers(0, max_key),
                               st.integers(0, MAX_VALUE)))
    state = {"calls": 0, "first": 0, "seconds": 0.0}
    start = time.monotonic()

    @seed(trial)
    @settings(max_examples=budget, database=None, deadline=None,
              phases=[Phase.generate], report_multiple_bugs=False,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(pairs, min_size=ntrees, max_size=ntrees),
           st.lists(st.integers(0, max_key), min_size=nkeys, max_size=nkeys),
           st.lists(st.integers(0, MAX_VALUE), min_size=nvalues,
                    max_size=nvalues))
    def test(trees, keys, values):
        state["calls"] += 1
        ok = holds(impl, prop, trees, keys, values)
        assume(ok is not None)
        if not ok and state["first"] == 0:
            state["first"] = state["calls"]
            state["seconds"] = time.monotonic() - start
        assert ok

    try:
        test()
    except AssertionError:
        pass
    found = state["first"] != 0
    if not found:
        state["seconds"] = time.monotonic() - start
    tests = state["first"] if found else state["calls"]
    print(f"TRIAL {workload} {mutant} {prop} {trial} found={int(found)} "
          f"tests={tests} seconds={state['seconds']:.6f}", flush=True)


def main():
    workload, max_key, trials, budget = (sys.argv[1], int(sys.argv[2]),
                                         int(sys.argv[3]), int(sys.argv[4]))
    sys.setrecursionlimit(10000)
    for task in sys.argv[5:]:
        mutant, prop = task.split(":")
        for trial in range(1, trials + 1):
            run_trial(workload, max_key, budget, mutant, prop, trial)


if __name__ == "__main__":
    main()
