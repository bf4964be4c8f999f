// Etna's BST and RBT workloads (Shi et al., "Etna: An Evaluation Platform
// for Property-Based Testing", ICFP 2023), ported for lockstep's benchmark:
// persistent binary search trees and red-black trees of int keys and values,
// each operation with the mutants Etna plants in it, selected at run time.
// Written for this benchmark from the paper's and the repository's
// descriptions of the mutants; header-only so that the lockstep runner
// (Bazel) and the RapidCheck runner (g++ outside the repository) share it.
#ifndef LOCKSTEP_TOOLS_BENCH_ETNA_TREES_H_
#define LOCKSTEP_TOOLS_BENCH_ETNA_TREES_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace etna {

enum class Color { kRed, kBlack };

struct Node;
using Tree = std::shared_ptr<const Node>;  // nullptr is the empty tree

struct Node {
  Color color;
  Tree left;
  int key;
  int value;
  Tree right;
};

inline Tree T(Color c, Tree l, int k, int v, Tree r) {
  return std::make_shared<const Node>(
      Node{c, std::move(l), k, v, std::move(r)});
}
inline Tree T(Tree l, int k, int v, Tree r) {
  return T(Color::kBlack, std::move(l), k, v, std::move(r));
}

inline std::optional<int> Find(const Tree& t, int k) {
  for (const Node* n = t.get(); n != nullptr;) {
    if (k < n->key) {
      n = n->left.get();
    } else if (k > n->key) {
      n = n->right.get();
    } else {
      return n->value;
    }
  }
  return std::nullopt;
}

using Entries = std::vector<std::pair<int, int>>;

inline void AppendEntries(const Tree& t, Entries* out) {
  if (!t) return;
  AppendEntries(t->left, out);
  out->emplace_back(t->key, t->value);
  AppendEntries(t->right, out);
}
inline Entries ToList(const Tree& t) {
  Entries out;
  AppendEntries(t, &out);
  return out;
}

// Keys strictly ordered (each key in (lo, hi)).
inline bool Ordered(const Tree& t, std::optional<int> lo,
                    std::optional<int> hi) {
  if (!t) return true;
  if ((lo && t->key <= *lo) || (hi && t->key >= *hi)) return false;
  return Ordered(t->left, lo, t->key) && Ordered(t->right, t->key, hi);
}
inline bool IsBst(const Tree& t) {
  return Ordered(t, std::nullopt, std::nullopt);
}

// ---------------------------------------------------------------- BST

enum class BstMutant {
  kNone,
  kInsert1,  // insert forgets the tree: a single node
  kInsert2,  // a key already present is inserted again, to the right
  kInsert3,  // a key already present keeps its old value
  kDelete4,  // delete returns the subtree it searched, losing the rest
  kDelete5,  // delete searches the wrong subtree
  kUnion6,   // union hangs the rest of the left tree under its right
  kUnion7,   // union keeps the right tree's copy of the root's key too
  kUnion8,   // union prefers the right tree's values (left bias lost)
};
inline const std::vector<std::pair<BstMutant, std::string>>& BstMutants() {
  static const auto* mutants =
      new std::vector<std::pair<BstMutant, std::string>>{
          {BstMutant::kInsert1, "insert_1"}, {BstMutant::kInsert2, "insert_2"},
          {BstMutant::kInsert3, "insert_3"}, {BstMutant::kDelete4, "delete_4"},
          {BstMutant::kDelete5, "delete_5"}, {BstMutant::kUnion6, "union_6"},
          {BstMutant::kUnion7, "union_7"},   {BstMutant::kUnion8, "union_8"}};
  return *mutants;
}

inline Tree BstInsert(BstMutant m, int k, int v, const Tree& t) {
  if (!t) return T(nullptr, k, v, nullptr);
  if (m == BstMutant::kInsert1) return T(nullptr, k, v, nullptr);
  if (k < t->key)
    return T(BstInsert(m, k, v, t->left), t->key, t->value, t->right);
  if (k > t->key)
    return T(t->left, t->key, t->value, BstInsert(m, k, v, t->right));
  if (m == BstMutant::kInsert2) {
    return T(t->left, t->key, t->value, BstInsert(m, k, v, t->right));
  }
  if (m == BstMutant::kInsert3) return t;
  return T(t->left, k, v, t->right);
}

inline Tree BstJoin(const Tree& l, const Tree& r) {
  if (!l) return r;
  if (!r) return l;
  return T(l->left, l->key, l->value,
           T(BstJoin(l->right, r->left), r->key, r->value, r->right));
}

inline Tree BstDelete(BstMutant m, int k, const Tree& t) {
  if (!t) return t;
  if (k < t->key) {
    if (m == BstMutant::kDelete4) return BstDelete(m, k, t->left);
    if (m == BstMutant::kDelete5) {
      return T(t->left, t->key, t->value, BstDelete(m, k, t->right));
    }
    return T(BstDelete(m, k, t->left), t->key, t->value, t->right);
  }
  if (k > t->key) {
    if (m == BstMutant::kDelete4) return BstDelete(m, k, t->right);
    if (m == BstMutant::kDelete5) {
      return T(BstDelete(m, k, t->left), t->key, t->value, t->right);
    }
    return T(t->left, t->key, t->value, BstDelete(m, k, t->right));
  }
  return BstJoin(t->left, t->right);
}

// The entries of t with keys below k (or_equal: at most k).
inline Tree Below(int k, const Tree& t, bool or_equal = false) {
  if (!t) return t;
  if (t->key < k || (or_equal && t->key == k)) {
    return T(t->left, t->key, t->value, Below(k, t->right, or_equal));
  }
  return Below(k, t->left, or_equal);
}
inline Tree Above(int k, const Tree& t, bool or_equal = false) {
  if (!t) return t;
  if (t->key > k || (or_equal && t->key == k)) {
    return T(Above(k, t->left, or_equal), t->key, t->value, t->right);
  }
  return Above(k, t->right, or_equal);
}

inline Tree BstUnion(BstMutant m, const Tree& a, const Tree& b) {
  if (!a) return b;
  if (!b) return a;
  if (m == BstMutant::kUnion6) {
    return T(a->left, a->key, a->value, BstUnion(m, a->right, b));
  }
  int value = a->value;
  if (m == BstMutant::kUnion8) {
    if (std::optional<int> theirs = Find(b, a->key)) value = *theirs;
  }
  bool keep_equal = m == BstMutant::kUnion7;
  return T(BstUnion(m, a->left, Below(a->key, b)), a->key, value,
           BstUnion(m, a->right, Above(a->key, b, keep_equal)));
}

// ---------------------------------------------------------------- RBT
// Okasaki's insertion and Kahrs's deletion, as in Etna's RBT workload.

enum class RbtMutant {
  kNone,
  kMiscolorInsert,   // a new node is black
  kMiscolorDelete,   // deleting through a red node blackens it
  kMiscolorBalLeft,  // balLeft's first case keeps the left child red
  kMiscolorBalRight,
  kMiscolorJoin1,     // join of two red trees makes a black root
  kMiscolorJoin2,     // join of two black trees makes black children red
  kNoBalanceInsert1,  // insert does not rebalance after going left
  kNoBalanceInsert2,  // ... nor after going right
  kSwapCd,            // a balance case swaps two subtrees
  kSwapBc,
  kSwapAd,
};
inline const std::vector<std::pair<RbtMutant, std::string>>& RbtMutants() {
  static const auto* mutants =
      new std::vector<std::pair<RbtMutant, std::string>>{
          {RbtMutant::kMiscolorInsert, "miscolor_insert"},
          {RbtMutant::kMiscolorDelete, "miscolor_delete"},
          {RbtMutant::kMiscolorBalLeft, "miscolor_balLeft"},
          {RbtMutant::kMiscolorBalRight, "miscolor_balRight"},
          {RbtMutant::kMiscolorJoin1, "miscolor_join_1"},
          {RbtMutant::kMiscolorJoin2, "miscolor_join_2"},
          {RbtMutant::kNoBalanceInsert1, "no_balance_insert_1"},
          {RbtMutant::kNoBalanceInsert2, "no_balance_insert_2"},
          {RbtMutant::kSwapCd, "swap_cd"},
          {RbtMutant::kSwapBc, "swap_bc"},
          {RbtMutant::kSwapAd, "swap_ad"}};
  return *mutants;
}

inline bool IsRed(const Tree& t) { return t && t->color == Color::kRed; }
inline bool IsBlack(const Tree& t) { return t && t->color == Color::kBlack; }
constexpr Color R = Color::kRed;
constexpr Color B = Color::kBlack;

// Kahrs's balance: a black node over a, x, b, fixing a red-red pair below.
inline Tree Balance(RbtMutant m, const Tree& l, int k, int v, const Tree& r) {
  auto make = [m](Tree a, int x, int vx, Tree b, int y, int vy, Tree c, int z,
                  int vz, Tree d) {
    if (m == RbtMutant::kSwapCd) std::swap(c, d);
    if (m == RbtMutant::kSwapBc) std::swap(b, c);
    if (m == RbtMutant::kSwapAd) std::swap(a, d);
    return T(R, T(B, a, x, vx, b), y, vy, T(B, c, z, vz, d));
  };
  if (IsRed(l) && IsRed(r)) {
    return T(R, T(B, l->left, l->key, l->value, l->right), k, v,
             T(B, r->left, r->key, r->value, r->right));
  }
  if (IsRed(l) && IsRed(l->left)) {
    const Tree& ll = l->left;
    return make(ll->left, ll->key, ll->value, ll->right, l->key, l->value,
                l->right, k, v, r);
  }
  if (IsRed(l) && IsRed(l->right)) {
    const Tree& lr = l->right;
    return make(l->left, l->key, l->value, lr->left, lr->key, lr->value,
                lr->right, k, v, r);
  }
  if (IsRed(r) && IsRed(r->right)) {
    const Tree& rr = r->right;
    return make(l, k, v, r->left, r->key, r->value, rr->left, rr->key,
                rr->value, rr->right);
  }
  if (IsRed(r) && IsRed(r->left)) {
    const Tree& rl = r->left;
    return make(l, k, v, rl->left, rl->key, rl->value, rl->right, r->key,
                r->value, r->right);
  }
  return T(B, l, k, v, r);
}

inline Tree Blacken(const Tree& t) {
  if (!t) return t;
  return T(B, t->left, t->key, t->value, t->right);
}
inline Tree Redden(const Tree& t) {
  if (!IsBlack(t)) return t;
  return T(R, t->left, t->key, t->value, t->right);
}

inline Tree RbtIns(RbtMutant m, int k, int v, const Tree& t) {
  if (!t) {
    return T(m == RbtMutant::kMiscolorInsert ? B : R, nullptr, k, v, nullptr);
  }
  bool black = t->color == B;
  if (k < t->key) {
    Tree l = RbtIns(m, k, v, t->left);
    if (black && m != RbtMutant::kNoBalanceInsert1) {
      return Balance(m, l, t->key, t->value, t->right);
    }
    return T(t->color, l, t->key, t->value, t->right);
  }
  if (k > t->key) {
    Tree r = RbtIns(m, k, v, t->right);
    if (black && m != RbtMutant::kNoBalanceInsert2) {
      return Balance(m, t->left, t->key, t->value, r);
    }
    return T(t->color, t->left, t->key, t->value, r);
  }
  return T(t->color, t->left, k, v, t->right);
}
inline Tree RbtInsert(RbtMutant m, int k, int v, const Tree& t) {
  return Blacken(RbtIns(m, k, v, t));
}

inline Tree BalLeft(RbtMutant m, const Tree& l, int k, int v, const Tree& r) {
  if (IsRed(l)) {
    Color c = m == RbtMutant::kMiscolorBalLeft ? R : B;
    return T(R, T(c, l->left, l->key, l->value, l->right), k, v, r);
  }
  if (IsBlack(r)) return Balance(m, l, k, v, Redden(r));
  if (IsRed(r) && IsBlack(r->left)) {
    const Tree& rl = r->left;
    return T(R, T(B, l, k, v, rl->left), rl->key, rl->value,
             Balance(m, rl->right, r->key, r->value, Redden(r->right)));
  }
  return T(B, l, k, v, r);  // not reached from a valid tree
}

inline Tree BalRight(RbtMutant m, const Tree& l, int k, int v, const Tree& r) {
  if (IsRed(r)) {
    Color c = m == RbtMutant::kMiscolorBalRight ? R : B;
    return T(R, l, k, v, T(c, r->left, r->key, r->value, r->right));
  }
  if (IsBlack(l)) return Balance(m, Redden(l), k, v, r);
  if (IsRed(l) && IsBlack(l->right)) {
    const Tree& lr = l->right;
    return T(R, Balance(m, Redden(l->left), l->key, l->value, lr->left),
             lr->key, lr->value, T(B, lr->right, k, v, r));
  }
  return T(B, l, k, v, r);  // not reached from a valid tree
}

inline Tree RbtJoin(RbtMutant m, const Tree& a, const Tree& b) {
  if (!a) return b;
  if (!b) return a;
  if (IsRed(a) && IsRed(b)) {
    Tree bc = RbtJoin(m, a->right, b->left);
    if (IsRed(bc)) {
      Color c = m == RbtMutant::kMiscolorJoin1 ? B : R;
      return T(c, T(R, a->left, a->key, a->value, bc->left), bc->key, bc->value,
               T(R, bc->right, b->key, b->value, b->right));
    }
    return T(R, a->left, a->key, a->value,
             T(R, bc, b->key, b->value, b->right));
  }
  if (IsBlack(a) && IsBlack(b)) {
    Tree bc = RbtJoin(m, a->right, b->left);
    if (IsRed(bc)) {
      Color c = m == RbtMutant::kMiscolorJoin2 ? R : B;
      return T(R, T(c, a->left, a->key, a->value, bc->left), bc->key, bc->value,
               T(c, bc->right, b->key, b->value, b->right));
    }
    return BalLeft(m, a->left, a->key, a->value,
                   T(B, bc, b->key, b->value, b->right));
  }
  if (IsRed(b)) {
    return T(R, RbtJoin(m, a, b->left), b->key, b->value, b->right);
  }
  return T(R, a->left, a->key, a->value, RbtJoin(m, a->right, b));
}

inline Tree RbtDel(RbtMutant m, int k, const Tree& t) {
  if (!t) return t;
  if (k < t->key) {
    if (IsBlack(t->left)) {
      return BalLeft(m, RbtDel(m, k, t->left), t->key, t->value, t->right);
    }
    Color c = m == RbtMutant::kMiscolorDelete ? B : R;
    return T(c, RbtDel(m, k, t->left), t->key, t->value, t->right);
  }
  if (k > t->key) {
    if (IsBlack(t->right)) {
      return BalRight(m, t->left, t->key, t->value, RbtDel(m, k, t->right));
    }
    Color c = m == RbtMutant::kMiscolorDelete ? B : R;
    return T(c, t->left, t->key, t->value, RbtDel(m, k, t->right));
  }
  return RbtJoin(m, t->left, t->right);
}
inline Tree RbtDelete(RbtMutant m, int k, const Tree& t) {
  return Blacken(RbtDel(m, k, t));
}

// No red node has a red child, and every path has the same number of black
// nodes; -1 when not.
inline int BlackHeight(const Tree& t) {
  if (!t) return 1;
  if (IsRed(t) && (IsRed(t->left) || IsRed(t->right))) return -1;
  int l = BlackHeight(t->left);
  int r = BlackHeight(t->right);
  if (l < 0 || r < 0 || l != r) return -1;
  return l + (t->color == B ? 1 : 0);
}
inline bool IsRbt(const Tree& t) { return IsBst(t) && BlackHeight(t) >= 0; }

}  // namespace etna

#endif  // LOCKSTEP_TOOLS_BENCH_ETNA_TREES_H_
