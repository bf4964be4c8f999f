// A linearizability checker: does some order of a history's operations,
// consistent with real time (an operation that returned before another was
// invoked goes first), explain every result when the operations are applied
// one at a time to a sequential model?
//
//   // A register: Write(x) returns nothing, Read() must return the value.
//   std::vector<Operation> history = {
//       {"thread 1", 0, 10, "Write(1)", ""},
//       {"thread 2", 20, 30, "Read()", "0"}};   // after the write returned
//   std::vector<Apply<int>> apply = {
//       [](int& reg) { reg = 1; return std::optional<std::string>(); },
//       [](int& reg) -> std::optional<std::string> {
//         if (reg == 0) return std::nullopt;
//         return absl::StrCat("Read() returned 0, but the register holds ",
//                             reg);
//       }};
//   absl::StatusOr<Verdict<int>> v = CheckLinearizable(history, apply, 0);
//   // v->linearizable == false; v->explanation says why.
//
// The search is Wing & Gong's, over a linked list of calls and returns
// (event_list.h), with Lowe's memoization of (linearized set, model state)
// (state_cache.h): linear in the history when few operations overlap, and
// exponential only in how many do.
#ifndef LOCKSTEP_CLIENT_LINEARIZABILITY_CHECKER_H_
#define LOCKSTEP_CLIENT_LINEARIZABILITY_CHECKER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "client/linearizability/event_list.h"
#include "client/linearizability/explanation.h"
#include "client/linearizability/history.h"
#include "client/linearizability/operation_set.h"
#include "client/linearizability/state_cache.h"

namespace lockstep::linearizability {

// One operation of the history applied to the model: moves `state` to the
// state after it and returns std::nullopt when the operation's recorded
// result is what the model allows there, or the reason it is not (the
// state is then discarded). It may also throw; what() is the reason.
// Called many times, on copies of different states.
template <typename State>
using Apply = std::function<std::optional<std::string>(State& state)>;

// A step function's form, `step(state) -> expected result` (the step moves
// `state` and returns what the operation should have returned there), for
// an operation whose recorded result is `actual`: it fits when the two are
// equal. `print`, when given, puts both results in the reason.
template <typename State, typename Result, typename Step>
Apply<State> ExpectResult(
    Step step, Result actual,
    std::function<std::string(const Result&)> print = nullptr) {
  return
      [step = std::move(step), actual = std::move(actual),
       print = std::move(print)](State& state) -> std::optional<std::string> {
        Result expected = step(state);
        if (expected == actual) return std::nullopt;
        if (!print) return std::string("the model expects another result here");
        return absl::StrCat("returned ", print(actual),
                            ", but the model expects ", print(expected));
      };
}

struct CheckOptions {
  // The most search steps (an operation tried, or a backtrack) before the
  // check gives up with ResourceExhausted.
  uint64_t max_steps = 10'000'000;
};

template <typename State>
struct Verdict {
  bool linearizable = false;
  // When linearizable, a linearization (indexes into the history); when
  // not, the longest linearizable prefix the search found.
  std::vector<size_t> order;
  // The model's state after `order` (when linearizable).
  std::optional<State> final_state;
  // "" when linearizable; otherwise the history per thread, the longest
  // prefix, and why nothing fits after it (explanation.h).
  std::string explanation;
  uint64_t steps = 0;  // search steps taken
};

namespace internal {

// Apply, with a throw turned into a reason.
template <typename State>
std::optional<std::string> TryApply(const Apply<State>& apply, State& state) {
  try {
    return apply(state);
  } catch (const std::exception& error) {
    return std::string(error.what());
  } catch (...) {
    return std::string("threw an exception that is not a std::exception");
  }
}

}  // namespace internal

// InvalidArgument for a malformed history (an operation that returned
// before it was invoked, or `apply` not one per operation);
// ResourceExhausted past options.max_steps. Otherwise the verdict.
template <typename State>
absl::StatusOr<Verdict<State>> CheckLinearizable(
    const std::vector<Operation>& history,
    const std::vector<Apply<State>>& apply, const State& initial,
    const CheckOptions& options = CheckOptions()) {
  if (apply.size() != history.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the history has ", history.size(), " operations but ",
                     apply.size(), " apply functions: give one per operation"));
  }
  if (absl::Status valid = ValidateHistory(history); !valid.ok()) return valid;

  internal::EventList events(history);
  internal::OperationSet linearized(history.size());
  internal::StateCache<State> cache;
  // The operations placed so far, each with the state before it.
  struct Placed {
    int call;
    State before;
  };
  std::vector<Placed> placed;
  std::vector<size_t> order;
  std::vector<size_t> longest;
  State state = initial;
  Verdict<State> verdict;

  int event = events.first();
  while (!events.empty()) {
    if (++verdict.steps > options.max_steps) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "the linearizability search took more than ", options.max_steps,
          " steps on a history of ", history.size(),
          " operations (longest linearizable prefix so far: ",
          std::max(longest.size(), order.size()), ")"));
    }
    if (events.is_call(event)) {
      size_t op = events.operation(event);
      State next = state;
      if (!internal::TryApply(apply[op], next)) {
        linearized.Insert(op);
        if (cache.Insert(linearized, next)) {
          placed.push_back(Placed{event, std::move(state)});
          state = std::move(next);
          order.push_back(op);
          events.Lift(op);
          event = events.first();
          continue;
        }
        linearized.Erase(op);
      }
      // A call is always followed by its own return, so this is no end.
      event = events.next(event);
    } else {
      // This operation had to go before everything left, and did not fit:
      // take back the last placement and try what comes after it. (The
      // longest prefix is saved here, before it shrinks, not at every
      // placement: a copy per backtrack, not per step.)
      if (order.size() > longest.size()) longest = order;
      if (placed.empty()) break;
      event = placed.back().call;
      state = std::move(placed.back().before);
      placed.pop_back();
      size_t op = events.operation(event);
      order.pop_back();
      linearized.Erase(op);
      events.Unlift(op);
      event = events.next(event);
    }
  }

  if (events.empty()) {
    verdict.linearizable = true;
    verdict.order = std::move(order);
    verdict.final_state = std::move(state);
    return verdict;
  }
  // Replay the longest prefix and ask each operation that could go next
  // why it does not fit.
  internal::EventList after(history);
  State at = initial;
  for (size_t op : longest) {
    internal::TryApply(apply[op], at);
    after.Lift(op);
  }
  std::vector<std::pair<size_t, std::string>> blocked;
  for (size_t op : after.Minimal()) {
    State copy = at;
    std::optional<std::string> reason = internal::TryApply(apply[op], copy);
    blocked.emplace_back(op, reason ? *reason
                                    : "fits here, but no order of the rest "
                                      "does after it");
  }
  verdict.order = std::move(longest);
  verdict.explanation =
      internal::ExplainNotLinearizable(history, verdict.order, blocked);
  return verdict;
}

}  // namespace lockstep::linearizability

#endif  // LOCKSTEP_CLIENT_LINEARIZABILITY_CHECKER_H_
