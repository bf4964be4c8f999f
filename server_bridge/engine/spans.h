// How the spans of a run (protocol::Span: a labelled, nested range of
// choices) give its choice sequence a structure, as the shrinker reads it:
// a span's parent, its alike siblings, and whether it is one element of a
// collection (which a deletion may take) or a fixed part of its parent
// (which it must not), and which elements use values that others made.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_SPANS_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_SPANS_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::engine {

// The innermost span one level up around `span`; for a span at depth 0 (or
// one whose parent is missing), the whole run: [0, UINT32_MAX), unlabelled.
protocol::Span ParentOf(const std::vector<protocol::Span>& spans,
                        const protocol::Span& span);

// The spans with `span`'s label and depth under its parent, itself
// included, in order of their starts.
std::vector<protocol::Span> AlikeSiblings(
    const std::vector<protocol::Span>& spans, const protocol::Span& span);

// Whether a "one more?" flag (a boolean) comes right before `span` inside
// its parent.
bool AfterFlag(const protocol::ChoiceSequence& choices,
               const std::vector<protocol::Span>& spans,
               const protocol::Span& span);

// The choices that make `span` one element of its collection, as [start,
// end): with the "one more?" flag before it, if there is one.
std::pair<size_t, size_t> ElementRange(const protocol::ChoiceSequence& choices,
                                       const std::vector<protocol::Span>& spans,
                                       const protocol::Span& span);

// Whether `span` is an element of a collection: it follows a "one more?"
// flag and has alike siblings, or it is one of at least three alike. A span
// that is not is a fixed part of its parent (a literal's value under an
// expression's kind, one child of a binary node): deleting it leaves the
// parent reading what follows as its own, which a test almost always
// rejects; such a subtree is better moved up (the pass to descendant).
bool IsCollectionElement(const protocol::ChoiceSequence& choices,
                         const std::vector<protocol::Span>& spans,
                         const protocol::Span& span);

// Who uses whose values, from the run's "uses" spans
// (protocol::UsesSpanLabel): users[m] holds the indices (into `spans`) of the
// spans that use a value the span at index m made, each an alike sibling of
// m that starts after it. A "uses" span belongs to the innermost span around
// it that has an alike sibling starting at the named position.
std::vector<std::vector<size_t>> UsersOf(
    const std::vector<protocol::Span>& spans);

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_SPANS_H_
