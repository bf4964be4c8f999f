// The properties of Etna's BST (18) and RBT (10) workloads over trees.h. A
// property takes trees (each built by inserting a drawn list of (key, value)
// pairs with the implementation under test, Etna's bespoke generator), keys
// and values, and says whether it held; `discard` is set when an input tree
// is not valid (the property's precondition), and the case does not count
// as a failure. Every tool draws its inputs and calls Holds().
#ifndef LOCKSTEP_TOOLS_BENCH_ETNA_PROPERTIES_H_
#define LOCKSTEP_TOOLS_BENCH_ETNA_PROPERTIES_H_

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tools/bench/etna/trees.h"

namespace etna {

enum class Workload { kBst, kRbt };

struct Property {
  std::string name;
  int trees;
  int keys;
  int values;
};

inline const std::vector<Property>& Properties(Workload w) {
  static const auto* bst = new std::vector<Property>{
      {"InsertValid", 1, 1, 1},    {"DeleteValid", 1, 1, 0},
      {"UnionValid", 2, 0, 0},     {"InsertPost", 1, 2, 1},
      {"DeletePost", 1, 2, 0},     {"UnionPost", 2, 1, 0},
      {"InsertModel", 1, 1, 1},    {"DeleteModel", 1, 1, 0},
      {"UnionModel", 2, 0, 0},     {"InsertInsert", 1, 2, 2},
      {"InsertDelete", 1, 2, 1},   {"InsertUnion", 2, 1, 1},
      {"DeleteInsert", 1, 2, 1},   {"DeleteDelete", 1, 2, 0},
      {"DeleteUnion", 2, 1, 0},    {"UnionDeleteInsert", 2, 1, 1},
      {"UnionUnionIdem", 1, 0, 0}, {"UnionUnionAssoc", 3, 0, 0}};
  static const auto* rbt = new std::vector<Property>{
      {"InsertValid", 1, 1, 1},  {"DeleteValid", 1, 1, 0},
      {"InsertPost", 1, 2, 1},   {"DeletePost", 1, 2, 0},
      {"InsertModel", 1, 1, 1},  {"DeleteModel", 1, 1, 0},
      {"InsertInsert", 1, 2, 2}, {"InsertDelete", 1, 2, 1},
      {"DeleteInsert", 1, 2, 1}, {"DeleteDelete", 1, 2, 0}};
  return w == Workload::kBst ? *bst : *rbt;
}

// The mutants of a workload by name, "none" (the correct code) first.
inline std::vector<std::string> MutantNames(Workload w) {
  std::vector<std::string> names;
  if (w == Workload::kBst) {
    for (const auto& [m, name] : BstMutants()) names.push_back(name);
  } else {
    for (const auto& [m, name] : RbtMutants()) names.push_back(name);
  }
  return names;
}

// One implementation: a workload with one of its mutants (index into
// MutantNames, or -1 for the correct code).
class Impl {
 public:
  Impl(Workload w, int mutant)
      : w_(w),
        bst_(w == Workload::kBst && mutant >= 0 ? BstMutants()[mutant].first
                                                : BstMutant::kNone),
        rbt_(w == Workload::kRbt && mutant >= 0 ? RbtMutants()[mutant].first
                                                : RbtMutant::kNone) {}
  Tree Insert(int k, int v, const Tree& t) const {
    return w_ == Workload::kBst ? BstInsert(bst_, k, v, t)
                                : RbtInsert(rbt_, k, v, t);
  }
  Tree Delete(int k, const Tree& t) const {
    return w_ == Workload::kBst ? BstDelete(bst_, k, t) : RbtDelete(rbt_, k, t);
  }
  Tree Union(const Tree& a, const Tree& b) const {
    return BstUnion(bst_, a, b);
  }
  bool Valid(const Tree& t) const {
    return w_ == Workload::kBst ? IsBst(t) : IsRbt(t);
  }
  Tree Build(const Entries& pairs) const {
    Tree t;
    for (const auto& [k, v] : pairs) t = Insert(k, v, t);
    return t;
  }

 private:
  Workload w_;
  BstMutant bst_;
  RbtMutant rbt_;
};

struct Inputs {
  std::vector<Entries> trees;  // pairs to insert, one list per tree
  std::vector<int> keys;
  std::vector<int> values;
};

namespace internal {
inline Entries Model(const Tree& t) { return ToList(t); }
inline Entries ModelInsert(int k, int v, Entries e) {
  e.erase(std::remove_if(e.begin(), e.end(),
                         [k](const auto& p) { return p.first == k; }),
          e.end());
  e.insert(std::lower_bound(e.begin(), e.end(), std::make_pair(k, v)), {k, v});
  return e;
}
inline Entries ModelDelete(int k, Entries e) {
  e.erase(std::remove_if(e.begin(), e.end(),
                         [k](const auto& p) { return p.first == k; }),
          e.end());
  return e;
}
inline Entries ModelUnion(const Entries& a, const Entries& b) {
  std::map<int, int> m(b.begin(), b.end());
  for (const auto& [k, v] : a) m[k] = v;
  return Entries(m.begin(), m.end());
}
}  // namespace internal

// Whether the property named `name` holds of `in` under `impl`.
inline bool Holds(const Impl& impl, const std::string& name, const Inputs& in,
                  bool* discard) {
  using namespace internal;  // NOLINT: the models, in one place
  *discard = false;
  std::vector<Tree> t;
  for (const Entries& pairs : in.trees) {
    t.push_back(impl.Build(pairs));
    if (!impl.Valid(t.back())) {
      *discard = true;
      return true;
    }
  }
  auto k = [&](int i) { return in.keys[i]; };
  auto v = [&](int i) { return in.values[i]; };
  auto same = [](const Tree& a, const Tree& b) {
    return ToList(a) == ToList(b);
  };
  if (name == "InsertValid") return impl.Valid(impl.Insert(k(0), v(0), t[0]));
  if (name == "DeleteValid") return impl.Valid(impl.Delete(k(0), t[0]));
  if (name == "UnionValid") return impl.Valid(impl.Union(t[0], t[1]));
  if (name == "InsertPost") {
    std::optional<int> want =
        k(0) == k(1) ? std::optional<int>(v(0)) : Find(t[0], k(1));
    return Find(impl.Insert(k(0), v(0), t[0]), k(1)) == want;
  }
  if (name == "DeletePost") {
    std::optional<int> want = k(0) == k(1) ? std::nullopt : Find(t[0], k(1));
    return Find(impl.Delete(k(0), t[0]), k(1)) == want;
  }
  if (name == "UnionPost") {
    std::optional<int> want = Find(t[0], k(0));
    if (!want) want = Find(t[1], k(0));
    return Find(impl.Union(t[0], t[1]), k(0)) == want;
  }
  if (name == "InsertModel") {
    return Model(impl.Insert(k(0), v(0), t[0])) ==
           ModelInsert(k(0), v(0), Model(t[0]));
  }
  if (name == "DeleteModel") {
    return Model(impl.Delete(k(0), t[0])) == ModelDelete(k(0), Model(t[0]));
  }
  if (name == "UnionModel") {
    return Model(impl.Union(t[0], t[1])) ==
           ModelUnion(Model(t[0]), Model(t[1]));
  }
  if (name == "InsertInsert") {
    Tree lhs = impl.Insert(k(0), v(0), impl.Insert(k(1), v(1), t[0]));
    Tree rhs = k(0) == k(1)
                   ? impl.Insert(k(0), v(0), t[0])
                   : impl.Insert(k(1), v(1), impl.Insert(k(0), v(0), t[0]));
    return same(lhs, rhs);
  }
  if (name == "InsertDelete") {
    Tree lhs = impl.Insert(k(0), v(0), impl.Delete(k(1), t[0]));
    Tree rhs = k(0) == k(1) ? impl.Insert(k(0), v(0), t[0])
                            : impl.Delete(k(1), impl.Insert(k(0), v(0), t[0]));
    return same(lhs, rhs);
  }
  if (name == "InsertUnion") {
    return same(impl.Insert(k(0), v(0), impl.Union(t[0], t[1])),
                impl.Union(impl.Insert(k(0), v(0), t[0]), t[1]));
  }
  if (name == "DeleteInsert") {
    Tree lhs = impl.Delete(k(0), impl.Insert(k(1), v(0), t[0]));
    Tree rhs = k(0) == k(1) ? impl.Delete(k(0), t[0])
                            : impl.Insert(k(1), v(0), impl.Delete(k(0), t[0]));
    return same(lhs, rhs);
  }
  if (name == "DeleteDelete") {
    return same(impl.Delete(k(0), impl.Delete(k(1), t[0])),
                impl.Delete(k(1), impl.Delete(k(0), t[0])));
  }
  if (name == "DeleteUnion") {
    return same(impl.Delete(k(0), impl.Union(t[0], t[1])),
                impl.Union(impl.Delete(k(0), t[0]), impl.Delete(k(0), t[1])));
  }
  if (name == "UnionDeleteInsert") {
    return same(
        impl.Union(impl.Delete(k(0), t[0]), impl.Insert(k(0), v(0), t[1])),
        impl.Insert(k(0), v(0), impl.Union(t[0], t[1])));
  }
  if (name == "UnionUnionIdem") return same(impl.Union(t[0], t[0]), t[0]);
  if (name == "UnionUnionAssoc") {
    return same(impl.Union(impl.Union(t[0], t[1]), t[2]),
                impl.Union(t[0], impl.Union(t[1], t[2])));
  }
  return true;
}

}  // namespace etna

#endif  // LOCKSTEP_TOOLS_BENCH_ETNA_PROPERTIES_H_
