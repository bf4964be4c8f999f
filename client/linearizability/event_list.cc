#include "client/linearizability/event_list.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace lockstep::linearizability::internal {

EventList::EventList(const std::vector<Operation>& history)
    : next_(1 + 2 * history.size(), kEnd), prev_(1 + 2 * history.size(), kEnd) {
  struct Event {
    int64_t time;
    int kind;  // 0: call, 1: return (calls first at equal times)
    int id;
  };
  std::vector<Event> events;
  events.reserve(2 * history.size());
  for (size_t i = 0; i < history.size(); ++i) {
    events.push_back({history[i].invoked, 0, CallOf(i)});
    events.push_back({history[i].returned, 1, ReturnOf(i)});
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.time, a.kind, a.id) < std::tie(b.time, b.kind, b.id);
  });
  int previous = kHead;
  for (const Event& event : events) {
    next_[previous] = event.id;
    prev_[event.id] = previous;
    previous = event.id;
  }
}

void EventList::Unlink(int event) {
  next_[prev_[event]] = next_[event];
  if (next_[event] != kEnd) prev_[next_[event]] = prev_[event];
}

void EventList::Relink(int event) {
  next_[prev_[event]] = event;
  if (next_[event] != kEnd) prev_[next_[event]] = event;
}

void EventList::Lift(size_t op) {
  Unlink(CallOf(op));
  Unlink(ReturnOf(op));
}

void EventList::Unlift(size_t op) {
  // The reverse of Lift's order, so each event's neighbours are the ones
  // it had when it was unlinked.
  Relink(ReturnOf(op));
  Relink(CallOf(op));
}

std::vector<size_t> EventList::Minimal() const {
  std::vector<size_t> ops;
  for (int event = first(); event != kEnd && is_call(event);
       event = next(event)) {
    ops.push_back(operation(event));
  }
  return ops;
}

}  // namespace lockstep::linearizability::internal
