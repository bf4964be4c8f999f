// The calls and returns of a history in time order, as a doubly linked
// list (Wing & Gong's search, in the form Lowe and Porcupine use): placing
// an operation in the linearization lifts its call and its return out of
// the list, and backtracking puts them back where they were. The search
// walks the list from the front: every call before the first return is an
// operation that may go next; reaching a return means that operation had to
// go before everything still in the list, and did not fit.
#ifndef LOCKSTEP_CLIENT_LINEARIZABILITY_EVENT_LIST_H_
#define LOCKSTEP_CLIENT_LINEARIZABILITY_EVENT_LIST_H_

#include <cstddef>
#include <vector>

#include "client/linearizability/history.h"

namespace lockstep::linearizability::internal {

// Owned by the one search that uses it.
class EventList {
 public:
  static constexpr int kEnd = -1;

  // Calls and returns ordered by time; at equal times calls come first, so
  // that operations whose intervals touch count as overlapping.
  explicit EventList(const std::vector<Operation>& history);

  bool empty() const { return next_[kHead] == kEnd; }
  int first() const { return next_[kHead]; }
  int next(int event) const { return next_[event]; }
  bool is_call(int event) const { return (event - 1) % 2 == 0; }
  size_t operation(int event) const {
    return static_cast<size_t>(event - 1) / 2;
  }

  // Takes `op`'s call and return out of the list.
  void Lift(size_t op);
  // Puts them back; undoes the latest Lift that is still in effect.
  void Unlift(size_t op);

  // The operations that may be linearized next: those whose call comes
  // before the first return in the list.
  std::vector<size_t> Minimal() const;

 private:
  static constexpr int kHead = 0;
  static int CallOf(size_t op) { return static_cast<int>(1 + 2 * op); }
  static int ReturnOf(size_t op) { return static_cast<int>(2 + 2 * op); }
  void Unlink(int event);
  void Relink(int event);

  // Event 0 is the head; operation i's call is 1 + 2i, its return 2 + 2i.
  std::vector<int> next_;
  std::vector<int> prev_;
};

}  // namespace lockstep::linearizability::internal

#endif  // LOCKSTEP_CLIENT_LINEARIZABILITY_EVENT_LIST_H_
