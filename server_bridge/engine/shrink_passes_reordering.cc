// The reordering passes: candidates with the same choices in other places,
// a sibling span moved in front of another or a descendant put in its
// ancestor's place.
#include "server_bridge/engine/shrinker.h"
#include "server_bridge/engine/simplicity.h"

namespace lockstep::engine {

using protocol::ChoiceSequence;
using protocol::Span;

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

}  // namespace lockstep::engine
