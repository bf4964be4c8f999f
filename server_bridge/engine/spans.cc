#include "server_bridge/engine/spans.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace lockstep::engine {

using protocol::ChoiceKind;
using protocol::ChoiceSequence;
using protocol::Span;

namespace {

bool SameRange(const Span& a, const Span& b) {
  return a.start == b.start && a.end == b.end;
}

}  // namespace

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

std::vector<std::vector<size_t>> UsersOf(const std::vector<Span>& spans) {
  std::vector<std::vector<size_t>> users(spans.size());
  for (const Span& marker : spans) {
    std::optional<uint32_t> maker_start =
        protocol::ParseUsesSpanLabel(marker.label);
    if (!maker_start || marker.end != marker.start) continue;
    // The spans around the marker, innermost first. A marker follows at
    // least the draw that chose the value, so its element starts before it.
    std::vector<size_t> around;
    for (size_t i = 0; i < spans.size(); ++i) {
      const Span& s = spans[i];
      if (s.depth < marker.depth && s.start < marker.start &&
          marker.start <= s.end) {
        around.push_back(i);
      }
    }
    std::sort(around.begin(), around.end(), [&](size_t a, size_t b) {
      return spans[a].depth > spans[b].depth;
    });
    for (size_t user : around) {
      if (*maker_start >= spans[user].start) continue;
      size_t maker = spans.size();
      for (size_t i = 0; i < spans.size() && maker == spans.size(); ++i) {
        const Span& s = spans[i];
        if (s.start == *maker_start && s.depth == spans[user].depth &&
            s.label == spans[user].label &&
            SameRange(ParentOf(spans, s), ParentOf(spans, spans[user]))) {
          maker = i;
        }
      }
      if (maker == spans.size()) continue;
      std::vector<size_t>& of_maker = users[maker];
      if (std::find(of_maker.begin(), of_maker.end(), user) == of_maker.end())
        of_maker.push_back(user);
      break;
    }
  }
  return users;
}

}  // namespace lockstep::engine
