#include "server_bridge/engine/spans.h"

#include <algorithm>
#include <limits>

namespace lockstep::engine {

using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::Span;

Span ParentOf(const std::vector<Span>& spans, const Span& span) {
  Span parent{0, std::numeric_limits<uint32_t>::max(), "", 0};
  for (const Span& other : spans) {
    if (other.depth + 1 == span.depth && other.start <= span.start &&
        other.end >= span.end &&
        other.end - other.start <= parent.end - parent.start) {
      parent = other;
    }
  }
  return parent;
}

std::vector<Span> AlikeSiblings(const std::vector<Span>& spans,
                                const Span& span) {
  Span parent = ParentOf(spans, span);
  std::vector<Span> alike;
  for (const Span& other : spans) {
    if (other.depth == span.depth && other.label == span.label &&
        other.start >= parent.start && other.end <= parent.end) {
      alike.push_back(other);
    }
  }
  std::sort(alike.begin(), alike.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  return alike;
}

bool AfterFlag(const ChoiceSequence& choices, const std::vector<Span>& spans,
               const Span& span) {
  return span.start > ParentOf(spans, span).start &&
         span.start <= choices.size() &&
         choices[span.start - 1].kind == ChoiceKind::kBoolean;
}

std::pair<size_t, size_t> ElementRange(const ChoiceSequence& choices,
                                       const std::vector<Span>& spans,
                                       const Span& span) {
  return {AfterFlag(choices, spans, span) ? span.start - 1 : span.start,
          span.end};
}

bool IsCollectionElement(const ChoiceSequence& choices,
                         const std::vector<Span>& spans, const Span& span) {
  size_t alike = AlikeSiblings(spans, span).size();
  return alike >= 3 || (alike >= 2 && AfterFlag(choices, spans, span));
}

}  // namespace lockstep::engine
