// The deletion passes: candidates that are shorter, because choices went
// (collection elements with their flags, runs of choices) or because an
// integer that counts what follows came down with what it counted.
#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "server_bridge/engine/shrink_edits.h"
#include "server_bridge/engine/shrinker.h"
#include "server_bridge/engine/spans.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::Span;
using protocol::Status;

bool Shrinker::DeleteSpans() {
  bool improved = false;
  for (size_t index = 0; index < current_.spans.size() && !OutOfBudget();
       ++index) {
    // Largest spans first: indices into a copy sorted by size.
    std::vector<Span> spans = current_.spans;
    std::stable_sort(spans.begin(), spans.end(),
                     [](const Span& a, const Span& b) {
                       return a.end - a.start > b.end - b.start;
                     });
    if (index >= spans.size()) break;
    const Span& span = spans[index];
    if (span.end <= span.start || span.end > current_.choices.size()) continue;
    if (!IsCollectionElement(current_.choices, current_.spans, span)) continue;
    auto [from, to] = ElementRange(current_.choices, current_.spans, span);
    bool deleted = Consider(Without(current_.choices, from, to));
    if (!deleted && last_status_ == Status::kInvalid) {
      deleted =
          Consider(DecrementedAfter(Without(current_.choices, from, to), from));
    }
    if (deleted) {
      improved = true;
      // The spans changed; the one now at this rank is the next candidate.
      // (Starting over made a list of n deletable elements cost n^2 calls;
      // whatever this skips, the next round of passes tries again.)
      --index;
    }
  }
  return improved;
}

bool Shrinker::DeleteWithUsers() {
  bool improved = false;
  std::vector<std::vector<size_t>> users = UsersOf(current_.spans);
  for (size_t maker = 0; maker < users.size() && !OutOfBudget(); ++maker) {
    if (users[maker].empty()) continue;
    // The maker and everything downstream of it: a user of a user loses
    // its value too once the first user goes.
    std::vector<size_t> doomed = {maker};
    for (size_t k = 0; k < doomed.size(); ++k) {
      for (size_t user : users[doomed[k]]) {
        if (std::find(doomed.begin(), doomed.end(), user) == doomed.end())
          doomed.push_back(user);
      }
    }
    std::vector<std::pair<size_t, size_t>> ranges;
    bool deletable = true;
    for (size_t index : doomed) {
      const Span& span = current_.spans[index];
      if (span.end <= span.start || span.end > current_.choices.size() ||
          !IsCollectionElement(current_.choices, current_.spans, span)) {
        deletable = false;
        break;
      }
      ranges.push_back(ElementRange(current_.choices, current_.spans, span));
    }
    if (!deletable) continue;
    // Last first, so earlier ranges keep their positions; alike siblings
    // never overlap, but a range nested in one already cut is skipped.
    std::sort(ranges.rbegin(), ranges.rend());
    ChoiceSequence candidate = current_.choices;
    size_t cut_from = candidate.size() + 1;
    for (auto [from, to] : ranges) {
      if (to > cut_from) continue;
      candidate = Without(candidate, from, to);
      cut_from = from;
    }
    if (Consider(candidate)) {
      improved = true;
      users = UsersOf(current_.spans);
      --maker;  // the spans changed: the one now here is the next maker
    }
  }
  return improved;
}

bool Shrinker::DeleteRuns() {
  bool improved = false;
  // From each position, try deleting 1, then 2 choices (a list element is a
  // flag and a value); once a deletion succeeds, keep doubling it, so long
  // irrelevant runs go in a logarithmic number of calls. Where the run has
  // spans, only from a span's start or end or one choice before it (an
  // element's flag, a list's closing flag): a run cut out of the middle of a
  // generator's draws leaves the rest misread, and costs a call each.
  std::vector<bool> boundary(current_.choices.size() + 1,
                             current_.spans.empty());
  for (const Span& span : current_.spans) {
    if (span.start < boundary.size()) boundary[span.start] = true;
    if (span.end < boundary.size()) boundary[span.end] = true;
  }
  for (size_t start = current_.choices.size(); start-- > 0 && !OutOfBudget();) {
    if (start < boundary.size() && !boundary[start] &&
        (start + 1 >= boundary.size() || !boundary[start + 1])) {
      continue;
    }
    for (size_t length : {1, 2}) {
      if (start + length > current_.choices.size()) break;
      if (!Consider(Without(current_.choices, start, start + length))) {
        // Values that index into what follows (positions in a list) point
        // past the end once something before them goes: when deleting a
        // collection's element (a run with its flag) was rejected as
        // invalid, try it with every later integer one step nearer its
        // target.
        if (last_status_ == Status::kInvalid && length <= 2 &&
            (current_.choices[start].kind == ChoiceKind::kBoolean ||
             current_.choices[start + length - 1].kind ==
                 ChoiceKind::kBoolean) &&
            Consider(DecrementedAfter(
                Without(current_.choices, start, start + length), start))) {
          improved = true;
          break;
        }
        continue;
      }
      improved = true;
      for (size_t more = length * 2;
           start + more <= current_.choices.size() && !OutOfBudget() &&
           Consider(Without(current_.choices, start, start + more));
           more *= 2) {
      }
      break;
    }
    if (start > current_.choices.size()) start = current_.choices.size();
  }
  return improved;
}

bool Shrinker::LowerAndDelete() {
  bool improved = false;
  // An integer that says how many things follow (a length drawn before the
  // list) cannot be lowered alone: the last element falls off. Lower it by
  // one and delete one of the spans after it in the same candidate.
  constexpr size_t kSpansTried = 4;
  for (size_t i = 0; i < current_.choices.size() && !OutOfBudget(); ++i) {
    const Choice choice = current_.choices[i];
    if (choice.kind != ChoiceKind::kInteger) continue;
    std::optional<int64_t> lowered = TowardTarget(choice, 1);
    if (!lowered) continue;
    // The nearest spans after the integer, smallest first at each start.
    std::vector<Span> after;
    for (const Span& span : current_.spans) {
      if (span.start > i && span.end > span.start &&
          span.end <= current_.choices.size()) {
        after.push_back(span);
      }
    }
    std::sort(after.begin(), after.end(), [](const Span& a, const Span& b) {
      return a.start != b.start ? a.start < b.start
                                : a.end - a.start < b.end - b.start;
    });
    size_t tried = 0;
    for (size_t k = 0; k < after.size() && tried < kSpansTried; ++k) {
      if (k > 0 && after[k].start == after[k - 1].start &&
          after[k].end == after[k - 1].end) {
        continue;
      }
      ++tried;
      ChoiceSequence candidate =
          Without(current_.choices, after[k].start, after[k].end);
      candidate[i] = choice.WithInteger(*lowered);
      // Only a run that really got shorter: were the deleted span drawn
      // again (a list's closing flag), this would just count down by one.
      if (Consider(candidate, /*shorter_only=*/true)) {
        improved = true;
        LowerAndDeleteInDoublingSteps(i, after[k]);
        --i;  // lower the same integer again
        break;
      }
    }
  }
  return improved;
}

void Shrinker::LowerAndDeleteInDoublingSteps(size_t i, const Span& first) {
  // Lowering it by m while deleting the m spans like `first` from where it
  // was brings a length with many elements before the one that matters
  // down in log(m) calls, not m.
  for (uint64_t m = 2; !OutOfBudget() && i < current_.choices.size(); m *= 2) {
    const Choice now = current_.choices[i];
    if (now.kind != ChoiceKind::kInteger) break;
    std::optional<int64_t> lower_by_m = TowardTarget(now, m);
    if (!lower_by_m) break;
    // The spans alike `first` from where it was, in its collection.
    std::vector<Span> alike;
    for (const Span& span : AlikeSiblings(current_.spans, first)) {
      if (span.start >= first.start && span.end > span.start &&
          span.end <= current_.choices.size()) {
        alike.push_back(span);
      }
    }
    if (alike.size() < m) break;
    ChoiceSequence bigger =
        Without(current_.choices, alike[0].start, alike[m - 1].end);
    bigger[i] = now.WithInteger(*lower_by_m);
    if (!Consider(bigger, /*shorter_only=*/true)) break;
  }
}

bool Shrinker::DeleteAndJump() {
  // A list's elements can hold an aggregate together (a sum that wraps, a
  // total that must stay over a bound): no element goes alone and no value
  // moves alone. Deleting one while another jumps to an end of its range
  // can keep the aggregate, in one step no other pass takes. Quadratic in a
  // parent's elements, so only small parents, and only at a fixed point.
  constexpr size_t kMaxIntegersInParent = 16;
  constexpr uint64_t kMinJumpRange = 256;
  for (size_t x = 0; x < current_.spans.size() && !OutOfBudget(); ++x) {
    const Span deleted = current_.spans[x];
    if (deleted.end <= deleted.start || deleted.depth == 0 ||
        deleted.end > current_.choices.size()) {
      continue;
    }
    // Only a collection's elements, which a "one more?" flag precedes; the
    // flag goes with the element.
    if (!AfterFlag(current_.choices, current_.spans, deleted)) continue;
    auto [from, to] = ElementRange(current_.choices, current_.spans, deleted);
    // The integers of the other elements of the same collection.
    std::vector<size_t> integers;
    for (const Span& sibling : AlikeSiblings(current_.spans, deleted)) {
      if (sibling.start == deleted.start) continue;
      for (size_t j = sibling.start; j < sibling.end; ++j) {
        const Choice& choice = current_.choices[j];
        // A jump to an end matters where arithmetic wraps or saturates; a
        // small range is walked by MinimizeChoices anyway.
        if (choice.kind == ChoiceKind::kInteger &&
            static_cast<uint64_t>(choice.max_integer) -
                    static_cast<uint64_t>(choice.min_integer) >=
                kMinJumpRange) {
          integers.push_back(j);
        }
      }
    }
    if (integers.size() > kMaxIntegersInParent) continue;
    for (size_t j : integers) {
      const Choice choice = current_.choices[j];
      for (int64_t end : {choice.min_integer, choice.max_integer}) {
        if (end == choice.integer) continue;
        if (Consider(
                Without(CurrentWith(j, choice.WithInteger(end)), from, to)))
          return true;
      }
    }
  }
  return false;
}

}  // namespace lockstep::engine
