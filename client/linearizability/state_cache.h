// Lowe's memoization for the linearizability search: the (set of
// linearized operations, model state) pairs already explored. Two partial
// linearizations that placed the same operations and left the model in the
// same state have the same futures, so the second is not explored again.
//
// States are compared with ==, and hashed with absl::Hash when the state
// type supports it (otherwise they are compared one by one). A state type
// without == cannot be memoized: every partial linearization is explored
// (correct, but exponential in the number of overlapping operations).
#ifndef LOCKSTEP_CLIENT_LINEARIZABILITY_STATE_CACHE_H_
#define LOCKSTEP_CLIENT_LINEARIZABILITY_STATE_CACHE_H_

#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "client/linearizability/operation_set.h"

namespace lockstep::linearizability::internal {

template <typename T, typename = void>
struct HasEquality : std::false_type {};
template <typename T>
struct HasEquality<T, std::void_t<decltype(std::declval<const T&>() ==
                                           std::declval<const T&>())>>
    : std::true_type {};

// Whether absl::Hash<T> works (it is a type with deleted constructors
// otherwise).
template <typename T>
inline constexpr bool kHashable =
    std::is_default_constructible_v<absl::Hash<T>>;

// Owned by the one search that uses it.
template <typename State>
class StateCache {
 public:
  static constexpr bool kMemoizes = HasEquality<State>::value;

  // True when (`linearized`, `state`) is new (and now remembered); false
  // when it was explored before.
  bool Insert(const OperationSet& linearized, const State& state) {
    if constexpr (!kMemoizes) {
      return true;
    } else {
      size_t hash = 0;
      if constexpr (kHashable<State>) hash = absl::Hash<State>{}(state);
      std::vector<Entry>& seen = entries_[linearized];
      for (const Entry& entry : seen) {
        if (entry.hash == hash && entry.state == state) return false;
      }
      seen.push_back(Entry{hash, state});
      return true;
    }
  }

 private:
  struct Entry {
    size_t hash;
    State state;
  };
  absl::flat_hash_map<OperationSet, std::vector<Entry>> entries_;
};

}  // namespace lockstep::linearizability::internal

#endif  // LOCKSTEP_CLIENT_LINEARIZABILITY_STATE_CACHE_H_
