#include "server_bridge/engine/known_runs.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "server_bridge/engine/choice_key.h"
#include "server_bridge/protocol/choice_source.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::ChoiceSource;
using protocol::Directive;
using protocol::Overrun;
using protocol::Status;

namespace {

// Draws from `replay` what the test asked for when it made `asked`.
Choice DrawLike(ChoiceSource& replay, const Choice& asked) {
  switch (asked.kind) {
    case ChoiceKind::kInteger:
      return asked.WithInteger(
          replay.DrawInteger(asked.min_integer, asked.max_integer));
    case ChoiceKind::kFloat:
      return asked.WithFloat(replay.DrawFloat(asked.min_float, asked.max_float,
                                              asked.allow_nan,
                                              asked.allow_infinity));
    case ChoiceKind::kBoolean:
      return asked.WithBoolean(replay.DrawBoolean(asked.probability));
    case ChoiceKind::kBytes:
      return asked.WithBytes(replay.DrawBytes(asked.min_size, asked.max_size));
  }
  return asked;
}

// A boolean's probability matters to a replay only when it fixes the value
// (0 or 1): the size schedule draws a collection's "one more?" flag with a
// probability that depends on the case's size, and a shrink candidate
// replays it with another.
int BooleanClass(double probability) {
  if (probability <= 0) return 0;
  if (probability >= 1) return 1;
  return 2;
}

// The same constraints (a value aside).
bool SameShape(const Choice& a, const Choice& b) {
  return a.kind == b.kind && a.min_integer == b.min_integer &&
         a.max_integer == b.max_integer && a.min_float == b.min_float &&
         a.max_float == b.max_float && a.allow_nan == b.allow_nan &&
         a.allow_infinity == b.allow_infinity &&
         BooleanClass(a.probability) == BooleanClass(b.probability) &&
         a.min_size == b.min_size && a.max_size == b.max_size;
}

}  // namespace

struct KnownRuns::Node {
  // What the test asked for here, once a run went on past this point.
  std::optional<Choice> asked;
  absl::flat_hash_map<std::string, std::unique_ptr<Node>> children;  // by value
  std::optional<Status> ended;  // a run ended here, like this
  // Runs disagreed about what happens here: nothing below is trusted.
  bool inconsistent = false;
};

KnownRuns::KnownRuns() : root_(std::make_unique<Node>()) {}
KnownRuns::~KnownRuns() = default;

void KnownRuns::Record(const ChoiceSequence& run, Status status) {
  if (nodes_ + run.size() > kMaxNodes) return;
  ++runs_;
  Node* node = root_.get();
  for (const Choice& choice : run) {
    if (node->ended || (node->asked && !SameShape(*node->asked, choice))) {
      node->inconsistent = true;
    }
    if (!node->asked) node->asked = choice;
    std::unique_ptr<Node>& child = node->children[ChoiceKey(choice)];
    if (child == nullptr) {
      child = std::make_unique<Node>();
      ++nodes_;
    }
    node = child.get();
  }
  if (node->asked || (node->ended && *node->ended != status)) {
    node->inconsistent = true;
  }
  node->ended = status;
}

std::optional<Status> KnownRuns::Find(const ChoiceSequence& prefix,
                                      uint32_t max_choices) const {
  Directive directive;
  directive.prefix = prefix;
  directive.random_tail = false;
  directive.max_choices = max_choices;
  ChoiceSource replay(directive);
  const Node* node = root_.get();
  try {
    for (;;) {
      if (node->inconsistent) return std::nullopt;
      if (node->ended) return node->ended;
      if (!node->asked) return std::nullopt;
      auto child =
          node->children.find(ChoiceKey(DrawLike(replay, *node->asked)));
      if (child == node->children.end()) return std::nullopt;
      node = child->second.get();
    }
  } catch (const Overrun&) {
    return Status::kOverrun;
  }
}

}  // namespace lockstep::engine
