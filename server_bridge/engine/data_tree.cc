#include "server_bridge/engine/data_tree.h"

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "server_bridge/engine/choice_key.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::DomainSize;
using protocol::kMaxEnumerated;
using protocol::Simplest;
using protocol::SplitMix64;

namespace {

// The keys of a node's unexhausted children in key order, with the k-th
// found in O(log n). NovelPrefix picks the k-th unexhausted child in key
// order; walking every child for it made each case cost time proportional
// to every run so far. An order-statistics tree keeps that choice, and with
// it every directive, exactly what it was. Neither the standard library nor
// Abseil has one, so this is a treap with subtree sizes. Keys are pointers
// to Node::children's keys, whose addresses are stable.
class OpenKeys {
 public:
  bool empty() const { return root_ == nullptr; }
  size_t size() const { return Size(root_.get()); }

  void Insert(const std::string* key) {
    auto [less, rest] = Split(std::move(root_), *key, /*inclusive=*/false);
    auto item = std::make_unique<Item>();
    item->key = key;
    item->priority = priorities_.Next();
    item->size = 1;
    root_ = Merge(Merge(std::move(less), std::move(item)), std::move(rest));
  }

  void Erase(const std::string* key) {
    auto [less, rest] = Split(std::move(root_), *key, /*inclusive=*/false);
    auto [equal, greater] = Split(std::move(rest), *key, /*inclusive=*/true);
    root_ = Merge(std::move(less), std::move(greater));
  }

  // The key of rank k (0-based) in key order; k < size().
  const std::string* Nth(size_t k) const {
    const Item* item = root_.get();
    for (;;) {
      size_t left = Size(item->left.get());
      if (k < left) {
        item = item->left.get();
      } else if (k == left) {
        return item->key;
      } else {
        k -= left + 1;
        item = item->right.get();
      }
    }
  }

 private:
  struct Item {
    const std::string* key;
    uint64_t priority;
    size_t size;
    std::unique_ptr<Item> left, right;
  };
  using Tree = std::unique_ptr<Item>;

  static size_t Size(const Item* item) {
    return item == nullptr ? 0 : item->size;
  }
  static void Resize(Item* item) {
    item->size = 1 + Size(item->left.get()) + Size(item->right.get());
  }

  // Splits into the keys below `key` (or up to it, if inclusive) and the
  // rest. Recursion depth is the treap's height, O(log n) expected.
  static std::pair<Tree, Tree> Split(Tree tree, const std::string& key,
                                     bool inclusive) {
    if (tree == nullptr) return {nullptr, nullptr};
    bool goes_left = inclusive ? *tree->key <= key : *tree->key < key;
    if (goes_left) {
      auto [low, high] = Split(std::move(tree->right), key, inclusive);
      tree->right = std::move(low);
      Resize(tree.get());
      return {std::move(tree), std::move(high)};
    }
    auto [low, high] = Split(std::move(tree->left), key, inclusive);
    tree->left = std::move(high);
    Resize(tree.get());
    return {std::move(low), std::move(tree)};
  }

  // Every key of `low` is below every key of `high`.
  static Tree Merge(Tree low, Tree high) {
    if (low == nullptr) return high;
    if (high == nullptr) return low;
    if (low->priority > high->priority) {
      low->right = Merge(std::move(low->right), std::move(high));
      Resize(low.get());
      return low;
    }
    high->left = Merge(std::move(low), std::move(high->left));
    Resize(high.get());
    return high;
  }

  Tree root_;
  // Priorities only shape the tree, never the order, so any sequence does.
  SplitMix64 priorities_{0};
};

}  // namespace

struct DataTree::Node {
  // The kind and constraints of the choice made at this point (its value is
  // per child), once some run has made one here.
  std::optional<Choice> shape;
  std::map<std::string, std::unique_ptr<Node>>
      children;  // by value fingerprint
  std::map<std::string, Choice> values;
  OpenKeys open;          // the children not exhausted
  bool terminal = false;  // a run ended here
  bool exhausted = false;
};

DataTree::DataTree() : root_(std::make_unique<Node>()) {}
DataTree::~DataTree() = default;

bool DataTree::UpdateExhausted(Node* node) {
  if (node->exhausted) return false;  // exhaustion is for good
  if (node->terminal) {
    node->exhausted = true;
    return true;
  }
  if (!node->shape) return false;
  uint64_t domain = DomainSize(*node->shape);
  if (domain == 0 || node->children.size() < domain) return false;
  if (!node->open.empty()) return false;
  node->exhausted = true;
  return true;
}

void DataTree::Record(const ChoiceSequence& choices) {
  std::vector<Node*> path = {root_.get()};
  // keys[i] is path[i + 1]'s key in path[i]->children.
  std::vector<const std::string*> keys;
  Node* node = root_.get();
  for (const Choice& choice : choices) {
    if (!node->shape) node->shape = Simplest(choice);
    auto [it, inserted] =
        node->children.try_emplace(ChoiceKey(choice), nullptr);
    if (inserted) {
      it->second = std::make_unique<Node>();
      node->values.emplace(it->first, choice);
      node->open.Insert(&it->first);
    }
    keys.push_back(&it->first);
    node = it->second.get();
    path.push_back(node);
  }
  if (!node->terminal) ++runs_;
  node->terminal = true;
  // Bottom up, so that a parent sees its children's new state. A node
  // that was exhausted already stays so and its ancestors have seen it.
  for (size_t i = path.size(); i-- > 0;) {
    if (!UpdateExhausted(path[i])) continue;
    if (i > 0) path[i - 1]->open.Erase(keys[i - 1]);
  }
}

bool DataTree::exhausted() const { return root_->exhausted; }

std::optional<ChoiceSequence> DataTree::NovelPrefix(SplitMix64& random) const {
  if (root_->exhausted) return std::nullopt;
  ChoiceSequence prefix;
  const Node* node = root_.get();
  while (node->shape) {
    const OpenKeys& open = node->open;
    uint64_t domain = DomainSize(*node->shape);
    bool unseen_left = domain == 0 || node->children.size() < domain;
    if (unseen_left && (open.empty() || random.Below(2) == 0)) {
      if (domain == 0) return prefix;  // a random draw here is new enough
      // Enumerate a value not seen yet, starting at a random offset.
      for (uint64_t tries = 0, start = random.Below(domain); tries < domain;
           ++tries) {
        Choice candidate = *node->shape;
        uint64_t index = (start + tries) % domain;
        if (candidate.kind == ChoiceKind::kBoolean) {
          candidate.boolean = index == 1;
        } else if (candidate.kind == ChoiceKind::kInteger) {
          candidate.integer = static_cast<int64_t>(
              static_cast<uint64_t>(candidate.min_integer) + index);
        }
        if (node->children.count(ChoiceKey(candidate)) == 0) {
          prefix.push_back(candidate);
          return prefix;
        }
      }
      return prefix;
    }
    if (open.empty()) return prefix;  // nothing better to suggest
    const std::string* chosen = open.Nth(random.Below(open.size()));
    prefix.push_back(node->values.at(*chosen));
    node = node->children.at(*chosen).get();
  }
  return prefix;
}

}  // namespace lockstep::engine
