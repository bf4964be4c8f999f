#include "server_bridge/engine/data_tree.h"

#include <utility>
#include <vector>

#include "server_bridge/engine/shrinker.h"

namespace lockstep::engine {

struct DataTree::Node {
  // The kind and constraints of the choice made at this point (its value is
  // per child), once some run has made one here.
  std::optional<Choice> shape;
  std::map<std::string, std::unique_ptr<Node>>
      children;  // by value fingerprint
  std::map<std::string, Choice> values;
  bool terminal = false;  // a run ended here
  bool exhausted = false;
};

DataTree::DataTree() : root_(std::make_unique<Node>()) {}
DataTree::~DataTree() = default;

uint64_t DataTree::DomainSize(const Choice& shape) {
  switch (shape.kind) {
    case ChoiceKind::kBoolean:
      return (shape.probability <= 0 || shape.probability >= 1) ? 1 : 2;
    case ChoiceKind::kInteger: {
      uint64_t size = static_cast<uint64_t>(shape.max_integer) -
                      static_cast<uint64_t>(shape.min_integer) + 1;
      return size != 0 && size <= kMaxEnumerated ? size : 0;
    }
    case ChoiceKind::kFloat:
      return shape.min_float == shape.max_float && !shape.allow_nan ? 1 : 0;
    case ChoiceKind::kBytes:
      return shape.max_size == 0 ? 1 : 0;
  }
  return 0;
}

void DataTree::UpdateExhausted(Node* node) {
  if (node->terminal) {
    node->exhausted = true;
    return;
  }
  if (!node->shape) return;
  uint64_t domain = DomainSize(*node->shape);
  if (domain == 0 || node->children.size() < domain) return;
  for (const auto& [key, child] : node->children) {
    if (!child->exhausted) return;
  }
  node->exhausted = true;
}

void DataTree::Record(const ChoiceSequence& choices) {
  std::vector<Node*> path = {root_.get()};
  Node* node = root_.get();
  for (const Choice& choice : choices) {
    if (!node->shape) node->shape = Simplest(choice);
    std::string key = Fingerprint({choice});
    std::unique_ptr<Node>& child = node->children[key];
    if (child == nullptr) {
      child = std::make_unique<Node>();
      node->values.emplace(key, choice);
    }
    node = child.get();
    path.push_back(node);
  }
  node->terminal = true;
  for (auto it = path.rbegin(); it != path.rend(); ++it) UpdateExhausted(*it);
}

bool DataTree::exhausted() const { return root_->exhausted; }

std::optional<ChoiceSequence> DataTree::NovelPrefix(SplitMix64& random) const {
  if (root_->exhausted) return std::nullopt;
  ChoiceSequence prefix;
  const Node* node = root_.get();
  while (node->shape) {
    std::vector<const std::pair<const std::string, std::unique_ptr<Node>>*>
        open;
    for (const auto& entry : node->children) {
      if (!entry.second->exhausted) open.push_back(&entry);
    }
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
        if (node->children.count(Fingerprint({candidate})) == 0) {
          prefix.push_back(candidate);
          return prefix;
        }
      }
      return prefix;
    }
    if (open.empty()) return prefix;  // nothing better to suggest
    const auto* chosen = open[random.Below(open.size())];
    prefix.push_back(node->values.at(chosen->first));
    node = chosen->second.get();
  }
  return prefix;
}

}  // namespace lockstep::engine
