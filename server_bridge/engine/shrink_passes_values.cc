// The value minimisation passes: candidates of the same shape with simpler
// values, one choice at a time (by kind), a span at a time, or several
// integers moved together where they only fail together (equal, summing to
// a total, a fixed distance apart).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server_bridge/engine/shrink_edits.h"
#include "server_bridge/engine/shrinker.h"
#include "server_bridge/engine/simplicity.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::DistanceFromTarget;
using protocol::ShrinkTarget;
using protocol::Simplest;
using protocol::Span;
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

}  // namespace

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
    switch (current_.choices[i].kind) {
      case ChoiceKind::kBoolean:
        improved |= MinimizeBoolean(i);
        break;
      case ChoiceKind::kInteger:
        improved |= MinimizeInteger(i);
        break;
      case ChoiceKind::kFloat:
        improved |= MinimizeFloat(i);
        break;
      case ChoiceKind::kBytes:
        improved |= MinimizeBytes(i);
        break;
    }
  }
  return improved;
}

bool Shrinker::MinimizeBoolean(size_t i) {
  const Choice choice = current_.choices[i];
  return choice.boolean && Consider(CurrentWith(i, choice.WithBoolean(false)));
}

bool Shrinker::MinimizeInteger(size_t i) {
  const Choice choice = current_.choices[i];
  const int64_t target = ShrinkTarget(choice);
  bool improved = false;
  // The same magnitude on the positive side is simpler.
  if (choice.integer < target) {
    if (std::optional<int64_t> mirrored =
            AtDistance(choice, DistanceFromTarget(choice, choice.integer),
                       /*above=*/true)) {
      improved |= Consider(CurrentWith(i, choice.WithInteger(*mirrored)));
    }
  }
  // That run may have come out shorter, or with something else here.
  if (i >= current_.choices.size()) return improved;
  const Choice now = current_.choices[i];
  if (now.kind != ChoiceKind::kInteger) return improved;
  // A value another integer shares is often only failing because of the
  // equality (x == y, a duplicate in a list): when neither the target nor
  // one step down fails, leave it to the duplicates pass instead of
  // spending a binary search that cannot succeed.
  const bool shared = SharesValue(current_.choices, i);
  if (Consider(CurrentWith(i, Simplest(now)))) return true;
  // Only an integer that moved gets the search, from where it is now.
  if (StepIntegerDown(i, target, shared)) {
    SearchIntegerDown(i, target);
    improved = true;
  }
  if (shared) return improved;  // the duplicates pass moves it with its twin
  improved |= TryOtherSide(i);
  return improved;
}

bool Shrinker::StepIntegerDown(size_t i, int64_t target, bool shared) {
  // Single steps first: where none fails, binary search would look for a
  // smaller failing distance below one that passes, which only a
  // non-monotonic property has; the step sizes up to three catch the usual
  // ones (x % 2, x % 3).
  for (uint64_t step = 1; step <= 3 && i < current_.choices.size(); ++step) {
    const Choice& here = current_.choices[i];
    if (here.kind != ChoiceKind::kInteger) break;
    uint64_t distance = DistanceFromTarget(here, here.integer);
    if (distance < step) break;
    std::optional<int64_t> lower =
        AtDistance(here, distance - step, here.integer >= target);
    if (lower && Consider(CurrentWith(i, here.WithInteger(*lower)))) {
      return true;
    }
    if (shared) break;
  }
  // Half way, once: properties like x % 4 == 0 fail at no single step but
  // at many smaller values.
  if (shared || i >= current_.choices.size() ||
      current_.choices[i].kind != ChoiceKind::kInteger) {
    return false;
  }
  const Choice& here = current_.choices[i];
  uint64_t distance = DistanceFromTarget(here, here.integer);
  std::optional<int64_t> half =
      AtDistance(here, distance / 2, here.integer >= target);
  return distance > 6 && half &&
         Consider(CurrentWith(i, here.WithInteger(*half)));
}

void Shrinker::SearchIntegerDown(size_t i, int64_t target) {
  if (i >= current_.choices.size() ||
      current_.choices[i].kind != ChoiceKind::kInteger) {
    return;
  }
  const Choice moved = current_.choices[i];
  // Minimal examples are mostly small: one call for the smallest value off
  // the target can save the whole search.
  std::optional<int64_t> one = AtDistance(moved, 1, moved.integer >= target);
  if (one && DistanceFromTarget(moved, moved.integer) > 2 &&
      Consider(CurrentWith(i, moved.WithInteger(*one)))) {
    return;
  }
  MinimizeDistance(DistanceFromTarget(moved, moved.integer),
                   [&](uint64_t distance) -> std::optional<ChoiceSequence> {
                     std::optional<int64_t> value =
                         AtDistance(moved, distance, moved.integer >= target);
                     if (!value) return std::nullopt;
                     return CurrentWith(i, moved.WithInteger(*value));
                   });
}

bool Shrinker::TryOtherSide(size_t i) {
  // MinimizeInteger's search stays on the value's side of the target; a
  // property that needs distinct values (no duplicates, at least five of them)
  // can still take a smaller magnitude on the other side: 3 -> -1 when 0, 1, 2
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
    if (Consider(CurrentWith(i, here.WithInteger(*value)))) {
      improved = true;
      break;
    }
  }
  return improved;
}

bool Shrinker::MinimizeFloat(size_t i) {
  const Choice choice = current_.choices[i];
  bool improved = false;
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
        Consider(CurrentWith(i, replacement))) {
      improved = true;
      break;
    }
  }
  // Integral values shrink like integers.
  if (i >= current_.choices.size()) return improved;
  const Choice now = current_.choices[i];
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
          return CurrentWith(i, replacement);
        });
  }
  return improved;
}

bool Shrinker::MinimizeBytes(size_t i) {
  const Choice choice = current_.choices[i];
  bool improved = false;
  // Shorter first (the minimum size, then halves), then smaller bytes.
  std::string bytes = choice.bytes;
  for (size_t size :
       {size_t{choice.min_size}, bytes.size() / 2, bytes.size() - 1}) {
    if (size < choice.min_size || size >= bytes.size()) continue;
    if (Consider(CurrentWith(i, choice.WithBytes(bytes.substr(0, size))))) {
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
    if (Consider(CurrentWith(i, now.WithBytes(shorter)))) {
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
      return std::optional<ChoiceSequence>(
          CurrentWith(i, now.WithBytes(smaller)));
    });
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
  // Lowers the integers at `indices`, all equal to `value`, together.
  auto lower_together = [&](int64_t value, const std::vector<size_t>& indices) {
    const ChoiceSequence base = current_.choices;
    // An earlier improvement may have moved them.
    for (size_t index : indices) {
      if (index >= base.size() || base[index].kind != ChoiceKind::kInteger ||
          base[index].integer != value) {
        return false;
      }
    }
    const Choice& first = base[indices[0]];
    int64_t target = ShrinkTarget(first);
    bool above = value >= target;
    return MinimizeDistance(
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
  };
  for (const auto& entry : by_value) {
    // Named copies: C++17 lambdas cannot capture structured bindings.
    const int64_t value = entry.first;
    const std::vector<size_t>& indices = entry.second;
    if (indices.size() < 2 || OutOfBudget()) continue;
    if (lower_together(value, indices)) {
      improved = true;
      continue;
    }
    // Equal values drawn with different bounds often mean different things
    // (a stateful step's command pick and a key it uses): when the whole
    // group could not move, each group of the same bounds tries alone.
    std::map<std::pair<int64_t, int64_t>, std::vector<size_t>> by_bounds;
    for (size_t index : indices) {
      const Choice& choice = current_.choices[index];
      by_bounds[{choice.min_integer, choice.max_integer}].push_back(index);
    }
    if (by_bounds.size() < 2) continue;
    for (const auto& same : by_bounds) {
      if (same.second.size() < 2 || OutOfBudget()) continue;
      improved |= lower_together(value, same.second);
    }
  }
  return improved;
}

template <typename MovePair>
bool Shrinker::ForNearbyIntegerPairs(MovePair move) {
  // Pairs further apart rarely hold a value between them, and the pairs
  // would grow as the square of the run's length.
  constexpr size_t kMaxApart = 8;
  bool improved = false;
  for (size_t i = 0; i < current_.choices.size() && !OutOfBudget(); ++i) {
    for (size_t j = i + 1;
         j < current_.choices.size() && j <= i + kMaxApart && !OutOfBudget();
         ++j) {
      const ChoiceSequence base = current_.choices;
      if (base[i].kind != ChoiceKind::kInteger ||
          base[j].kind != ChoiceKind::kInteger) {
        continue;
      }
      improved |= move(base, i, j);
    }
  }
  return improved;
}

bool Shrinker::Redistribute() {
  return ForNearbyIntegerPairs(
      [&](const ChoiceSequence& base, size_t i, size_t j) {
        const Choice& a = base[i];
        const Choice& b = base[j];
        // Only integers drawn alike (same bounds): a total held between a kind
        // and a value is no total.
        if (a.min_integer != b.min_integer || a.max_integer != b.max_integer) {
          return false;
        }
        int64_t target = ShrinkTarget(a);
        if (a.integer == target) return false;
        // Move amount from a toward its target into b, keeping a + b.
        return MinimizeDistance(
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
      });
}

bool Shrinker::ShiftTogether() {
  // Moves two nearby integers toward their targets by the same amount,
  // keeping their difference: properties about how two values relate (x >= 10
  // and |x - y| == 1) fail at no smaller value of either alone.
  return ForNearbyIntegerPairs(
      [&](const ChoiceSequence& base, size_t i, size_t j) {
        const Choice& a = base[i];
        const Choice& b = base[j];
        uint64_t da = DistanceFromTarget(a, a.integer);
        uint64_t db = DistanceFromTarget(b, b.integer);
        // Equal values are the duplicates pass's; both must have room to move.
        if (da == 0 || db == 0 || a.integer == b.integer) return false;
        bool a_above = a.integer >= ShrinkTarget(a);
        bool b_above = b.integer >= ShrinkTarget(b);
        uint64_t room = std::min(da, db);
        // Binary search on the distance of the nearer one from its target.
        return MinimizeDistance(
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
      });
}

}  // namespace lockstep::engine
