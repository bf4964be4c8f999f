// The shrinking challenge's properties, shared by lockstep's runner and
// (compiled outside Bazel) RapidCheck's: the failure predicates, the ideal
// minimal examples and printing. Each tool brings its own generators.
#ifndef LOCKSTEP_TOOLS_BENCH_SHRINKING_CHALLENGES_H_
#define LOCKSTEP_TOOLS_BENCH_SHRINKING_CHALLENGES_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace shrinking {

using List = std::vector<int>;
using Lists = std::vector<List>;

inline std::string Show(const List& list) {
  std::string out = "[";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(list[i]);
  }
  return out + "]";
}

inline std::string Show(const Lists& lists) {
  std::string out = "[";
  for (size_t i = 0; i < lists.size(); ++i) {
    if (i > 0) out += ", ";
    out += Show(lists[i]);
  }
  return out + "]";
}

// reverse: reversing a list gives the same list (false).
inline bool ReverseFails(const List& list) {
  return !std::equal(list.begin(), list.end(), list.rbegin());
}
inline bool ReverseIdeal(const List& list) {
  return list.size() == 2 &&
         std::set<int>(list.begin(), list.end()) == std::set<int>{0, 1};
}

// large_union_list: at most four distinct integers across all the lists.
inline bool LargeUnionListFails(const Lists& lists) {
  std::set<int> seen;
  for (const List& list : lists) seen.insert(list.begin(), list.end());
  return seen.size() >= 5;
}
// Normalised: one list of the five simplest distinct integers.
inline bool LargeUnionListIdeal(const Lists& lists) {
  return lists.size() == 1 && lists[0].size() == 5 &&
         std::set<int>(lists[0].begin(), lists[0].end()) ==
             std::set<int>{0, 1, -1, 2, -2};
}

// bound5: five lists of int16 whose sums (in int16) are below 256 each; the
// int16 sum of all is below 5 * 256 (false by overflow).
using Bound5 = std::array<std::vector<int16_t>, 5>;
inline int16_t Sum16(const std::vector<int16_t>& values) {
  uint16_t sum = 0;  // wraps like the original's short arithmetic
  for (int16_t value : values) sum += static_cast<uint16_t>(value);
  return static_cast<int16_t>(sum);
}
inline bool Bound5ListOk(const std::vector<int16_t>& values) {
  return Sum16(values) < 256;
}
inline bool Bound5Fails(const Bound5& lists) {
  uint16_t sum = 0;
  for (const auto& list : lists) sum += static_cast<uint16_t>(Sum16(list));
  return static_cast<int16_t>(sum) >= 5 * 256;
}
// Two one-element lists holding -32768 and -1, in any two of the slots.
inline bool Bound5Ideal(const Bound5& lists) {
  std::multiset<int> values;
  size_t non_empty = 0;
  for (const auto& list : lists) {
    values.insert(list.begin(), list.end());
    non_empty += list.empty() ? 0 : 1;
  }
  return non_empty == 2 && values == std::multiset<int>{-32768, -1};
}
inline std::string Show(const Bound5& lists) {
  std::string out = "(";
  for (size_t i = 0; i < lists.size(); ++i) {
    if (i > 0) out += ", ";
    out += Show(List(lists[i].begin(), lists[i].end()));
  }
  return out + ")";
}

// calculator: an expression without a literal "x / 0" evaluates without
// dividing by zero (false: 0 / (0 + 0)).
struct Expr {
  char op = 0;  // 0 for a literal
  int value = 0;
  std::shared_ptr<const Expr> left, right;
};
using ExprPtr = std::shared_ptr<const Expr>;
inline ExprPtr Literal(int value) {
  auto expr = std::make_shared<Expr>();
  expr->value = value;
  return expr;
}
inline ExprPtr Node(char op, ExprPtr left, ExprPtr right) {
  auto expr = std::make_shared<Expr>();
  expr->op = op;
  expr->left = std::move(left);
  expr->right = std::move(right);
  return expr;
}
inline bool NoLiteralDivisionByZero(const ExprPtr& e) {
  if (e->op == 0) return true;
  if (e->op == '/' && e->right->op == 0 && e->right->value == 0) return false;
  return NoLiteralDivisionByZero(e->left) && NoLiteralDivisionByZero(e->right);
}
// Evaluates in wrapping 64-bit arithmetic; nullopt on a division by zero.
inline std::optional<int64_t> Evaluate(const ExprPtr& e) {
  if (e->op == 0) return e->value;
  std::optional<int64_t> left = Evaluate(e->left);
  if (!left) return std::nullopt;
  std::optional<int64_t> right = Evaluate(e->right);
  if (!right) return std::nullopt;
  if (e->op == '+') {
    return static_cast<int64_t>(static_cast<uint64_t>(*left) +
                                static_cast<uint64_t>(*right));
  }
  if (*right == 0) return std::nullopt;
  if (*right == -1)
    return static_cast<int64_t>(0 - static_cast<uint64_t>(*left));
  return *left / *right;
}
inline bool CalculatorFails(const ExprPtr& e) { return !Evaluate(e); }
inline std::string Show(const ExprPtr& e) {
  if (e->op == 0) return std::to_string(e->value);
  return std::string("('") + e->op + "', " + Show(e->left) + ", " +
         Show(e->right) + ")";
}
inline bool CalculatorIdeal(const ExprPtr& e) {
  return Show(e) == "('/', 0, ('+', 0, 0))";
}

// lengthlist: the maximum of a list of length 1..100 over [0, 1000] is below
// 900.
inline bool LengthListFails(const List& list) {
  return !list.empty() && *std::max_element(list.begin(), list.end()) >= 900;
}
inline bool LengthListIdeal(const List& list) { return list == List{900}; }

// difference_1/2/3, over two positive integers x and y: x < 10 or ...
inline bool Difference1Fails(int x, int y) { return x >= 10 && x == y; }
inline bool Difference2Fails(int x, int y) {
  int64_t d = std::llabs(static_cast<int64_t>(x) - y);
  return x >= 10 && d >= 1 && d <= 4;
}
inline bool Difference3Fails(int x, int y) {
  return x >= 10 && std::llabs(static_cast<int64_t>(x) - y) == 1;
}

// coupling: over lists whose elements index into the list, no two positions
// i != j point at each other.
inline bool CouplingValid(const List& list) {
  for (int v : list)
    if (v < 0 || static_cast<size_t>(v) >= list.size()) return false;
  return true;
}
inline bool CouplingFails(const List& list) {
  for (size_t i = 0; i < list.size(); ++i) {
    size_t j = static_cast<size_t>(list[i]);
    if (i != j && static_cast<size_t>(list[j]) == i) return true;
  }
  return false;
}
inline bool CouplingIdeal(const List& list) { return list == List{1, 0}; }

// deletion: removing (the first instance of) the element at an index
// leaves no instance of it.
inline bool DeletionFails(const List& list, size_t index) {
  List rest = list;
  int x = rest[index];
  rest.erase(std::find(rest.begin(), rest.end(), x));
  return std::find(rest.begin(), rest.end(), x) != rest.end();
}
inline bool DeletionIdeal(const List& list, size_t index) {
  return list == List{0, 0} && index == 0;
}

// distinct: a list has fewer than three distinct elements.
inline bool DistinctFails(const List& list) {
  return std::set<int>(list.begin(), list.end()).size() >= 3;
}
inline bool DistinctIdeal(const List& list) {
  return list == List{0, 1, -1} || list == List{0, 1, 2};
}

// nestedlists: the lengths of the inner lists sum to at most 10.
inline bool NestedListsFails(const Lists& lists) {
  size_t total = 0;
  for (const List& list : lists) total += list.size();
  return total > 10;
}
inline bool NestedListsIdeal(const Lists& lists) {
  return lists.size() == 1 && lists[0] == List(11, 0);
}

// binheap: a wrong heap-to-sorted-list conversion gives a sorted list with
// the heap's elements (false).
struct Heap {
  int head = 0;
  std::shared_ptr<const Heap> left, right;
};
using HeapPtr = std::shared_ptr<const Heap>;
inline HeapPtr MakeHeap(int head, HeapPtr left, HeapPtr right) {
  auto heap = std::make_shared<Heap>();
  heap->head = head;
  heap->left = std::move(left);
  heap->right = std::move(right);
  return heap;
}
inline HeapPtr MergeHeaps(const HeapPtr& a, const HeapPtr& b) {
  if (!a) return b;
  if (!b) return a;
  if (a->head <= b->head)
    return MakeHeap(a->head, MergeHeaps(a->right, b), a->left);
  return MakeHeap(b->head, MergeHeaps(b->right, a), b->left);
}
inline List HeapToList(const HeapPtr& heap) {
  List out;
  std::vector<HeapPtr> stack = {heap};
  while (!stack.empty()) {
    HeapPtr h = stack.back();
    stack.pop_back();
    if (!h) continue;
    out.push_back(h->head);
    stack.push_back(h->left);
    stack.push_back(h->right);
  }
  return out;
}
inline List WrongToSortedList(const HeapPtr& heap) {
  if (!heap) return {};
  List out = {heap->head};
  List rest = HeapToList(MergeHeaps(heap->left, heap->right));
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}
inline bool BinHeapFails(const HeapPtr& heap) {
  List l1 = HeapToList(heap);
  List l2 = WrongToSortedList(heap);
  List sorted2 = l2;
  std::sort(sorted2.begin(), sorted2.end());
  std::sort(l1.begin(), l1.end());
  return l2 != sorted2 || l1 != l2;
}
inline std::string Show(const HeapPtr& heap) {
  if (!heap) return "None";
  return "(" + std::to_string(heap->head) + ", " + Show(heap->left) + ", " +
         Show(heap->right) + ")";
}
// Four nodes holding 0, 0, 0, 1: (0, None, (0, (0, None, None), (1, None,
// None))) or a mirror image of it.
inline bool BinHeapIdeal(const HeapPtr& heap) {
  List values = HeapToList(heap);
  std::sort(values.begin(), values.end());
  return values == List{0, 0, 0, 1};
}

}  // namespace shrinking

#endif  // LOCKSTEP_TOOLS_BENCH_SHRINKING_CHALLENGES_H_
