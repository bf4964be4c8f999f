// Every run the shrinker has made, as a tree of the choices the test asked
// for, so that a candidate whose replay would retrace one of them is known
// without calling the test again (in the manner of Hypothesis's DataTree
// simulation). The test is deterministic: given the same choices so far, it
// asks for the same next choice, so a candidate can be replayed against the
// tree, each value forced into the constraints the test used there, exactly
// as a client's ChoiceSource would.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_KNOWN_RUNS_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_KNOWN_RUNS_H_

#include <cstdint>
#include <memory>
#include <optional>

#include "server_bridge/engine/test_function.h"
#include "server_bridge/protocol/choice.h"

namespace lockstep::engine {

// Owned by its Shrinker's thread; not shared.
class KnownRuns {
 public:
  KnownRuns();
  ~KnownRuns();
  KnownRuns(const KnownRuns&) = delete;
  KnownRuns& operator=(const KnownRuns&) = delete;

  // Adds a finished run and how it ended (an overrun's choices included:
  // replaying them overruns again).
  void Record(const protocol::ChoiceSequence& run, protocol::Status status);

  // How running `prefix` (simplest values past it) would end, if it would
  // retrace a recorded run. nullopt when unknown, or where the test was seen
  // to ask for different things after the same choices (it is not
  // deterministic).
  std::optional<protocol::Status> Find(const protocol::ChoiceSequence& prefix,
                                       uint32_t max_choices) const;

  size_t runs() const { return runs_; }

  // Past this many nodes (a few hundred bytes each) no more runs are
  // recorded: shrinking goes on, only without the savings.
  static constexpr size_t kMaxNodes = 200000;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  size_t runs_ = 0;
  size_t nodes_ = 1;
};

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_KNOWN_RUNS_H_
