// A tree of the choice sequences the engine has run (see Engine::tree_ for
// which), so that generation does not repeat itself: it steers random
// generation into unexplored branches and knows when a finite search space is
// used up.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_DATA_TREE_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_DATA_TREE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/random.h"

namespace lockstep::engine {

// Owned by its Engine's thread; not shared.
class DataTree {
 public:
  DataTree();
  ~DataTree();

  // Adds a finished run.
  void Record(const protocol::ChoiceSequence& choices);

  // True when every possible run has been seen: each choice point has a
  // finite domain (booleans, small integer ranges, fixed values) and every
  // value of it has been explored to the end.
  bool exhausted() const;
  // The distinct runs recorded.
  uint64_t runs() const { return runs_; }

  // A random prefix leading into a part of the tree not yet fully explored;
  // a random tail from there is likely new. nullopt when exhausted.
  std::optional<protocol::ChoiceSequence> NovelPrefix(
      protocol::SplitMix64& random) const;

 private:
  struct Node;
  // Marks the node exhausted if it now is; true if that changed.
  static bool UpdateExhausted(Node* node);

  std::unique_ptr<Node> root_;
  uint64_t runs_ = 0;
};

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_DATA_TREE_H_
