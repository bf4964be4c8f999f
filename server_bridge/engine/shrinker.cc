#include "server_bridge/engine/shrinker.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server_bridge/engine/choice_key.h"
#include "server_bridge/engine/shrink_edits.h"
#include "server_bridge/engine/simplicity.h"
#include "server_bridge/engine/spans.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::Directive;
using protocol::DistanceFromTarget;
using protocol::Outcome;
using protocol::Phase;
using protocol::ShrinkTarget;
using protocol::Simplest;
using protocol::Span;
using protocol::Status;
using protocol::Validate;

namespace {

// Whether another integer choice holds the same value as the one at `i`.
bool SharesValue(const ChoiceSequence& choices, size_t i) {
  for (size_t j = 0; j < choices.size(); ++j) {
    if (j != i && choices[j].kind == ChoiceKind::kInteger &&
        choices[j].integer == choices[i].integer) {
      return true;
    }
  }
  return false;
}

// The passes of one round, in order (kDeleteAndJump runs only when none of
// these improved).
constexpr ShrinkPass kRoundPasses[] = {
    ShrinkPass::kDeleteSpans,     ShrinkPass::kPassToDescendant,
    ShrinkPass::kZeroSpans,       ShrinkPass::kDeleteRuns,
    ShrinkPass::kMinimizeChoices, ShrinkPass::kShrinkDuplicates,
    ShrinkPass::kRedistribute,    ShrinkPass::kShiftTogether,
    ShrinkPass::kLowerAndDelete,  ShrinkPass::kReorderSpans,
};

}  // namespace

std::string_view ShrinkPassName(ShrinkPass pass) {
  switch (pass) {
    case ShrinkPass::kDeleteSpans:
      return "delete spans";
    case ShrinkPass::kPassToDescendant:
      return "pass to descendant";
    case ShrinkPass::kZeroSpans:
      return "zero spans";
    case ShrinkPass::kDeleteRuns:
      return "delete runs";
    case ShrinkPass::kMinimizeChoices:
      return "minimize choices";
    case ShrinkPass::kShrinkDuplicates:
      return "shrink duplicates";
    case ShrinkPass::kRedistribute:
      return "redistribute";
    case ShrinkPass::kShiftTogether:
      return "shift together";
    case ShrinkPass::kLowerAndDelete:
      return "lower and delete";
    case ShrinkPass::kReorderSpans:
      return "reorder spans";
    case ShrinkPass::kDeleteAndJump:
      return "delete and jump";
  }
  return "unknown pass";
}

Shrinker::Shrinker(const TestFunction& test, Outcome failure,
                   ShrinkBudget budget, uint32_t max_choices)
    : test_(test),
      budget_(budget),
      max_choices_(max_choices),
      origin_(failure.origin),
      current_(std::move(failure)) {
  tried_.insert(Fingerprint(current_.choices));
  known_.Record(current_.choices, current_.status);
}

bool Shrinker::OutOfBudget() {
  if (out_of_budget_) return true;
  if (result_.calls >= budget_.max_calls) {
    result_.stop_reason = "call budget";
    out_of_budget_ = true;
  } else if (absl::Now() >= deadline_) {
    result_.stop_reason = "time budget";
    out_of_budget_ = true;
  }
  return out_of_budget_;
}

bool Shrinker::Consider(const ChoiceSequence& candidate, bool shorter_only) {
  last_status_.reset();
  // A prefix that is not smaller is never run: its run rarely comes out
  // smaller, and skipping it keeps the passes from looping.
  if (!ShortlexLess(candidate, current_.choices)) return false;
  // A candidate whose replay retraces a run already made cannot be smaller
  // than current_: that run was either no failure, or no smaller than the
  // current_ of its time, or an earlier current_ (runs refused only for not
  // being shorter are not recorded).
  if (std::optional<Status> known = known_.Find(candidate, max_choices_)) {
    last_status_ = known;  // passes act on how the run would end
    return false;
  }
  if (!tried_.insert(Fingerprint(candidate)).second) return false;
  if (OutOfBudget()) return false;
  Directive directive;
  directive.phase = Phase::kShrink;
  directive.prefix = candidate;
  directive.random_tail = false;
  directive.max_choices = max_choices_;
  Outcome outcome = test_(directive);
  ++result_.calls;
  ++result_.calls_by_pass[pass_];
  last_status_ = outcome.status;
  bool smaller = outcome.status == Status::kInteresting &&
                 outcome.origin == origin_ &&
                 ShortlexLess(outcome.choices, current_.choices);
  bool refused_as_not_shorter =
      smaller && shorter_only &&
      outcome.choices.size() >= current_.choices.size();
  // A smaller failure refused only for not being shorter may be taken by a
  // later pass: it is not "known" to be no improvement.
  if (!refused_as_not_shorter) known_.Record(outcome.choices, outcome.status);
  if (!smaller || refused_as_not_shorter) return false;
  tried_.insert(Fingerprint(outcome.choices));
  current_ = std::move(outcome);
  ++result_.improvements_by_pass[pass_];
  return true;
}

template <typename MakeCandidate>
bool Shrinker::MinimizeDistance(uint64_t current, MakeCandidate make,
                                bool probe_one_step) {
  if (current == 0) return false;
  // Try the target itself first, then binary search between it and here.
  if (std::optional<ChoiceSequence> candidate = make(0)) {
    if (Consider(*candidate)) return true;
  }
  uint64_t low = 0;  // fails to reproduce
  uint64_t high = current;
  bool improved = false;
  if (probe_one_step && current > 1) {
    // Where even one step fails, the search would only walk back up here.
    std::optional<ChoiceSequence> candidate = make(current - 1);
    if (!candidate || !Consider(*candidate)) return false;
    high = current - 1;
    improved = true;
  }
  while (high - low > 1 && !OutOfBudget()) {
    uint64_t middle = low + (high - low) / 2;
    std::optional<ChoiceSequence> candidate = make(middle);
    if (candidate && Consider(*candidate)) {
      high = middle;
      improved = true;
    } else {
      low = middle;
    }
  }
  return improved;
}

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

bool Shrinker::ZeroSpans() {
  bool improved = false;
  for (size_t index = 0; index < current_.spans.size() && !OutOfBudget();
       ++index) {
    Span span = current_.spans[index];
    if (span.end > current_.choices.size()) continue;
    ChoiceSequence candidate = current_.choices;
    bool changed = false;
    for (uint32_t i = span.start; i < span.end; ++i) {
      Choice simplest = Simplest(candidate[i]);
      if (simplest != candidate[i]) {
        candidate[i] = simplest;
        changed = true;
      }
    }
    if (changed && Consider(candidate)) improved = true;
  }
  return improved;
}

bool Shrinker::MinimizeChoices() {
  bool improved = false;
  for (size_t i = 0; i < current_.choices.size() && !OutOfBudget(); ++i) {
    const Choice choice = current_.choices[i];
    auto with = [&](Choice replacement) {
      ChoiceSequence candidate = current_.choices;
      if (i < candidate.size()) candidate[i] = std::move(replacement);
      return candidate;
    };
    switch (choice.kind) {
      case ChoiceKind::kBoolean:
        if (choice.boolean)
          improved |= Consider(with(choice.WithBoolean(false)));
        break;
      case ChoiceKind::kInteger: {
        int64_t target = ShrinkTarget(choice);
        bool above = choice.integer >= target;
        // The same magnitude on the positive side is simpler.
        if (!above) {
          if (std::optional<int64_t> mirrored = AtDistance(
                  choice, DistanceFromTarget(choice, choice.integer), true)) {
            if (Consider(with(choice.WithInteger(*mirrored)))) {
              improved = true;
              above = true;
            }
          }
        }
        const Choice now =
            i < current_.choices.size() ? current_.choices[i] : choice;
        if (now.kind != ChoiceKind::kInteger) break;
        // A value another integer shares is often only failing because of
        // the equality (x == y, a duplicate in a list): when neither the
        // target nor one step down fails, leave it to the duplicates pass
        // instead of spending a binary search that cannot succeed.
        const bool shared = SharesValue(current_.choices, i);
        if (Consider(with(Simplest(now)))) {
          improved = true;
          break;
        }
        // Single steps first: where none fails, binary search would look
        // for a smaller failing distance below one that passes, which only
        // a non-monotonic property has; the step sizes up to three catch
        // the usual ones (x % 2, x % 3). Only an integer that moved gets
        // the search, from where it is now.
        bool stepped = false;
        for (uint64_t step = 1; step <= 3 && i < current_.choices.size();
             ++step) {
          const Choice& here = current_.choices[i];
          if (here.kind != ChoiceKind::kInteger) break;
          uint64_t distance = DistanceFromTarget(here, here.integer);
          if (distance < step) break;
          std::optional<int64_t> lower =
              AtDistance(here, distance - step, here.integer >= target);
          if (lower && Consider(with(here.WithInteger(*lower)))) {
            improved = stepped = true;
            break;
          }
          if (shared) break;
        }
        // Half way, once: properties like x % 4 == 0 fail at no single step
        // but at many smaller values.
        if (!stepped && !shared && i < current_.choices.size() &&
            current_.choices[i].kind == ChoiceKind::kInteger) {
          const Choice& here = current_.choices[i];
          uint64_t distance = DistanceFromTarget(here, here.integer);
          std::optional<int64_t> half =
              AtDistance(here, distance / 2, here.integer >= target);
          if (distance > 6 && half && Consider(with(here.WithInteger(*half)))) {
            improved = stepped = true;
          }
        }
        if (stepped && i < current_.choices.size() &&
            current_.choices[i].kind == ChoiceKind::kInteger) {
          const Choice moved = current_.choices[i];
          // Minimal examples are mostly small: one call for the smallest
          // value off the target can save the whole search.
          std::optional<int64_t> one =
              AtDistance(moved, 1, moved.integer >= target);
          bool at_one = one && DistanceFromTarget(moved, moved.integer) > 2 &&
                        Consider(with(moved.WithInteger(*one)));
          if (!at_one) {
            improved |= MinimizeDistance(
                DistanceFromTarget(moved, moved.integer),
                [&](uint64_t distance) -> std::optional<ChoiceSequence> {
                  std::optional<int64_t> value =
                      AtDistance(moved, distance, moved.integer >= target);
                  if (!value) return std::nullopt;
                  return with(moved.WithInteger(*value));
                });
          }
        }
        if (shared) break;  // the duplicates pass moves it with its twin
        improved |= TryOtherSide(i);
        break;
      }
      case ChoiceKind::kFloat: {
        double value = choice.floating;
        std::vector<double> candidates = {Simplest(choice).floating};
        if (std::isfinite(value)) {
          candidates.push_back(std::trunc(value));
          candidates.push_back(std::round(value));
          candidates.push_back(std::floor(value));
          candidates.push_back(std::ceil(value));
          candidates.push_back(std::fabs(value));
        } else {
          candidates.push_back(
              std::copysign(std::numeric_limits<double>::max(), value));
        }
        for (double candidate : candidates) {
          Choice replacement = choice.WithFloat(candidate);
          if (Validate(replacement).ok() &&
              CompareSimplicity(replacement, choice) < 0 &&
              Consider(with(replacement))) {
            improved = true;
            break;
          }
        }
        // Integral values shrink like integers.
        const Choice now =
            i < current_.choices.size() ? current_.choices[i] : choice;
        if (now.kind == ChoiceKind::kFloat && std::isfinite(now.floating) &&
            std::trunc(now.floating) == now.floating &&
            std::fabs(now.floating) < 0x1p53) {
          double sign = now.floating < 0 ? -1 : 1;
          improved |= MinimizeDistance(
              static_cast<uint64_t>(std::fabs(now.floating)),
              [&](uint64_t distance) -> std::optional<ChoiceSequence> {
                Choice replacement =
                    now.WithFloat(sign * static_cast<double>(distance));
                if (!Validate(replacement).ok()) return std::nullopt;
                return with(replacement);
              });
        }
        break;
      }
      case ChoiceKind::kBytes: {
        // Shorter first (the minimum size, then halves), then smaller bytes.
        std::string bytes = choice.bytes;
        for (size_t size :
             {size_t{choice.min_size}, bytes.size() / 2, bytes.size() - 1}) {
          if (size < choice.min_size || size >= bytes.size()) continue;
          if (Consider(with(choice.WithBytes(bytes.substr(0, size))))) {
            improved = true;
            break;
          }
        }
        // Then drop single bytes anywhere, not only from the end.
        for (size_t b = 0; i < current_.choices.size() && !OutOfBudget(); ++b) {
          const Choice now = current_.choices[i];
          if (now.kind != ChoiceKind::kBytes || b >= now.bytes.size() ||
              now.bytes.size() <= now.min_size) {
            break;
          }
          std::string shorter = now.bytes;
          shorter.erase(b, 1);
          if (Consider(with(now.WithBytes(shorter)))) {
            improved = true;
            --b;  // the next byte moved into this position
          }
        }
        for (size_t b = 0; i < current_.choices.size() && !OutOfBudget(); ++b) {
          const Choice now = current_.choices[i];
          if (now.kind != ChoiceKind::kBytes || b >= now.bytes.size()) break;
          unsigned char byte = static_cast<unsigned char>(now.bytes[b]);
          improved |= MinimizeDistance(byte, [&](uint64_t distance) {
            std::string smaller = now.bytes;
            smaller[b] = static_cast<char>(distance);
            return std::optional<ChoiceSequence>(with(now.WithBytes(smaller)));
          });
        }
        break;
      }
    }
  }
  return improved;
}

bool Shrinker::TryOtherSide(size_t i) {
  // The search above stays on the value's side of the target; a property
  // that needs distinct values (no duplicates, at least five of them) can
  // still take a smaller magnitude on the other side: 3 -> -1 when 0, 1, 2
  // are taken. A few of the smallest magnitudes, since binary search does
  // not apply (failing is not monotonic across the target).
  constexpr uint64_t kOtherSideTries = 4;
  bool improved = false;
  for (uint64_t distance = 1; distance <= kOtherSideTries && !OutOfBudget();
       ++distance) {
    if (i >= current_.choices.size()) break;
    const Choice here = current_.choices[i];
    if (here.kind != ChoiceKind::kInteger) break;
    if (distance >= DistanceFromTarget(here, here.integer)) break;
    bool above = here.integer >= ShrinkTarget(here);
    std::optional<int64_t> value = AtDistance(here, distance, !above);
    if (!value) break;
    ChoiceSequence candidate = current_.choices;
    candidate[i] = here.WithInteger(*value);
    if (Consider(candidate)) {
      improved = true;
      break;
    }
  }
  return improved;
}

bool Shrinker::ShrinkDuplicates() {
  bool improved = false;
  std::map<int64_t, std::vector<size_t>> by_value;
  for (size_t i = 0; i < current_.choices.size(); ++i) {
    const Choice& choice = current_.choices[i];
    if (choice.kind == ChoiceKind::kInteger &&
        choice.integer != ShrinkTarget(choice)) {
      by_value[choice.integer].push_back(i);
    }
  }
  for (const auto& entry : by_value) {
    // Named copies: C++17 lambdas cannot capture structured bindings.
    const int64_t value = entry.first;
    const std::vector<size_t>& indices = entry.second;
    if (indices.size() < 2 || OutOfBudget()) continue;
    const ChoiceSequence base = current_.choices;
    const Choice& first = base[indices[0]];
    int64_t target = ShrinkTarget(first);
    bool above = value >= target;
    improved |= MinimizeDistance(
        DistanceFromTarget(first, value),
        [&](uint64_t distance) -> std::optional<ChoiceSequence> {
          ChoiceSequence candidate = base;
          for (size_t index : indices) {
            std::optional<int64_t> lowered =
                AtDistance(candidate[index], distance, above);
            if (!lowered) return std::nullopt;
            candidate[index] = candidate[index].WithInteger(*lowered);
          }
          return candidate;
        });
  }
  return improved;
}

bool Shrinker::Redistribute() {
  bool improved = false;
  for (size_t i = 0; i < current_.choices.size() && !OutOfBudget(); ++i) {
    for (size_t j = i + 1;
         j < current_.choices.size() && j <= i + 8 && !OutOfBudget(); ++j) {
      const ChoiceSequence base = current_.choices;
      const Choice& a = base[i];
      const Choice& b = base[j];
      // Only integers drawn alike (same bounds): a total held between a
      // kind and a value is no total.
      if (a.kind != ChoiceKind::kInteger || b.kind != ChoiceKind::kInteger ||
          a.min_integer != b.min_integer || a.max_integer != b.max_integer)
        continue;
      int64_t target = ShrinkTarget(a);
      if (a.integer == target) continue;
      // Move amount from a toward its target into b, keeping a + b.
      improved |= MinimizeDistance(
          DistanceFromTarget(a, a.integer),
          [&](uint64_t distance) -> std::optional<ChoiceSequence> {
            std::optional<int64_t> new_a =
                AtDistance(a, distance, a.integer >= target);
            if (!new_a) return std::nullopt;
            __int128 moved = static_cast<__int128>(a.integer) - *new_a;
            __int128 new_b = static_cast<__int128>(b.integer) + moved;
            if (new_b < b.min_integer || new_b > b.max_integer)
              return std::nullopt;
            ChoiceSequence candidate = base;
            candidate[i] = a.WithInteger(*new_a);
            candidate[j] = b.WithInteger(static_cast<int64_t>(new_b));
            return candidate;
          },
          /*probe_one_step=*/true);
    }
  }
  return improved;
}

bool Shrinker::ShiftTogether() {
  bool improved = false;
  // Moves two nearby integers toward their targets by the same amount,
  // keeping their difference: properties about how two values relate (x >= 10
  // and |x - y| == 1) fail at no smaller value of either alone.
  for (size_t i = 0; i < current_.choices.size() && !OutOfBudget(); ++i) {
    for (size_t j = i + 1;
         j < current_.choices.size() && j <= i + 8 && !OutOfBudget(); ++j) {
      const ChoiceSequence base = current_.choices;
      const Choice& a = base[i];
      const Choice& b = base[j];
      if (a.kind != ChoiceKind::kInteger || b.kind != ChoiceKind::kInteger)
        continue;
      uint64_t da = DistanceFromTarget(a, a.integer);
      uint64_t db = DistanceFromTarget(b, b.integer);
      // Equal values are the duplicates pass's; both must have room to move.
      if (da == 0 || db == 0 || a.integer == b.integer) continue;
      bool a_above = a.integer >= ShrinkTarget(a);
      bool b_above = b.integer >= ShrinkTarget(b);
      uint64_t room = std::min(da, db);
      // Binary search on the distance of the nearer one from its target.
      improved |= MinimizeDistance(
          room, [&](uint64_t left) -> std::optional<ChoiceSequence> {
            uint64_t moved = room - left;
            std::optional<int64_t> new_a = AtDistance(a, da - moved, a_above);
            std::optional<int64_t> new_b = AtDistance(b, db - moved, b_above);
            if (!new_a || !new_b) return std::nullopt;
            ChoiceSequence candidate = base;
            candidate[i] = a.WithInteger(*new_a);
            candidate[j] = b.WithInteger(*new_b);
            return candidate;
          });
    }
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
    uint64_t distance = DistanceFromTarget(choice, choice.integer);
    if (distance == 0) continue;
    std::optional<int64_t> lowered = AtDistance(
        choice, distance - 1, choice.integer >= ShrinkTarget(choice));
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
        // Then in doubling steps: lower it by m and delete the m spans like
        // this one from where it was, so that a length with many elements
        // before the one that matters comes down in log(m) calls.
        const Span first = after[k];
        for (uint64_t m = 2; !OutOfBudget() && i < current_.choices.size();
             m *= 2) {
          const Choice now = current_.choices[i];
          if (now.kind != ChoiceKind::kInteger) break;
          uint64_t now_distance = DistanceFromTarget(now, now.integer);
          if (now_distance < m) break;
          std::optional<int64_t> lower_by_m = AtDistance(
              now, now_distance - m, now.integer >= ShrinkTarget(now));
          // The spans alike `first` from where it was, in its collection.
          std::vector<Span> alike;
          for (const Span& span : AlikeSiblings(current_.spans, first)) {
            if (span.start >= first.start && span.end > span.start &&
                span.end <= current_.choices.size()) {
              alike.push_back(span);
            }
          }
          if (!lower_by_m || alike.size() < m) break;
          ChoiceSequence bigger =
              Without(current_.choices, alike[0].start, alike[m - 1].end);
          bigger[i] = now.WithInteger(*lower_by_m);
          if (!Consider(bigger, /*shorter_only=*/true)) break;
        }
        --i;  // lower the same integer again
        break;
      }
    }
  }
  return improved;
}

bool Shrinker::ReorderSpans() {
  // How many choices may separate two swapped siblings.
  constexpr uint32_t kReorderGap = 16;
  bool improved = false;
  for (size_t x = 0; x < current_.spans.size() && !OutOfBudget(); ++x) {
    for (size_t y = 0; y < current_.spans.size(); ++y) {
      if (x >= current_.spans.size() || y >= current_.spans.size()) break;
      const Span a = current_.spans[x];
      const Span b = current_.spans[y];
      // Nearby siblings: b starts after a ends (list elements have a flag
      // between them), same label and depth.
      if (b.start < a.end || b.start - a.end > kReorderGap ||
          a.label != b.label || a.depth != b.depth)
        continue;
      if (b.end > current_.choices.size() || a.end <= a.start ||
          b.end <= b.start)
        continue;
      ChoiceSequence first(current_.choices.begin() + a.start,
                           current_.choices.begin() + a.end);
      ChoiceSequence second(current_.choices.begin() + b.start,
                            current_.choices.begin() + b.end);
      // Siblings of different sizes swap too (a subtree and a leaf): the
      // sequence keeps its length and must come out smaller.
      ChoiceSequence candidate(current_.choices.begin(),
                               current_.choices.begin() + a.start);
      candidate.insert(candidate.end(), second.begin(), second.end());
      candidate.insert(candidate.end(), current_.choices.begin() + a.end,
                       current_.choices.begin() + b.start);
      candidate.insert(candidate.end(), first.begin(), first.end());
      candidate.insert(candidate.end(), current_.choices.begin() + b.end,
                       current_.choices.end());
      if (!ShortlexLess(candidate, current_.choices)) continue;
      if (Consider(candidate)) improved = true;
    }
  }
  return improved;
}

bool Shrinker::PassToDescendant() {
  bool improved = false;
  for (size_t x = 0; x < current_.spans.size() && !OutOfBudget(); ++x) {
    for (size_t y = 0; y < current_.spans.size(); ++y) {
      if (x >= current_.spans.size() || y >= current_.spans.size()) break;
      const Span outer = current_.spans[x];
      const Span inner = current_.spans[y];
      if (x == y || inner.label != outer.label || inner.start < outer.start ||
          inner.end > outer.end ||
          inner.end - inner.start >= outer.end - outer.start ||
          outer.end > current_.choices.size()) {
        continue;
      }
      ChoiceSequence candidate(current_.choices.begin(),
                               current_.choices.begin() + outer.start);
      candidate.insert(candidate.end(), current_.choices.begin() + inner.start,
                       current_.choices.begin() + inner.end);
      candidate.insert(candidate.end(), current_.choices.begin() + outer.end,
                       current_.choices.end());
      if (Consider(candidate)) improved = true;
    }
  }
  return improved;
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
        ChoiceSequence candidate = current_.choices;
        candidate[j] = choice.WithInteger(end);
        if (Consider(Without(candidate, from, to))) return true;
      }
    }
  }
  return false;
}

bool Shrinker::RunPass(ShrinkPass pass) {
  pass_ = pass;
  switch (pass) {
    case ShrinkPass::kDeleteSpans:
      return DeleteSpans();
    case ShrinkPass::kPassToDescendant:
      return PassToDescendant();
    case ShrinkPass::kZeroSpans:
      return ZeroSpans();
    case ShrinkPass::kDeleteRuns:
      return DeleteRuns();
    case ShrinkPass::kMinimizeChoices:
      return MinimizeChoices();
    case ShrinkPass::kShrinkDuplicates:
      return ShrinkDuplicates();
    case ShrinkPass::kRedistribute:
      return Redistribute();
    case ShrinkPass::kShiftTogether:
      return ShiftTogether();
    case ShrinkPass::kLowerAndDelete:
      return LowerAndDelete();
    case ShrinkPass::kReorderSpans:
      return ReorderSpans();
    case ShrinkPass::kDeleteAndJump:
      return DeleteAndJump();
  }
  return false;
}

ShrinkResult Shrinker::Run() {
  deadline_ = absl::Now() + budget_.max_time;
  bool improved = true;
  while (improved && !OutOfBudget()) {
    improved = false;
    // Every pass of the round runs, whichever improved.
    for (ShrinkPass pass : kRoundPasses) improved |= RunPass(pass);
    if (!improved) improved = RunPass(ShrinkPass::kDeleteAndJump);
  }
  if (result_.stop_reason.empty()) result_.stop_reason = "fixed point";
  result_.minimal = current_;
  return result_;
}

}  // namespace lockstep::engine
