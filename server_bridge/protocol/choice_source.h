// The client side of a directive: hands out choices for a test's draws,
// replaying the directive's prefix first, then drawing from its seed (or
// taking the simplest values). A test written against ChoiceSource produces
// exactly the Outcome the engine expects; the C++ client uses it as is, and
// PROTOCOL.md specifies the same algorithm for other languages.
#ifndef LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_SOURCE_H_
#define LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_SOURCE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server_bridge/protocol/case_exceptions.h"
#include "server_bridge/protocol/choice.h"
#include "server_bridge/protocol/random.h"
#include "server_bridge/protocol/run.h"
#include "server_bridge/protocol/size_schedule.h"

namespace lockstep::protocol {

// Owned by the thread running one test case; not shared.
class ChoiceSource {
 public:
  explicit ChoiceSource(const Directive& directive);

  // Starts another case of the same directive drawing from `seed`: what a
  // batch does per case, reusing this source's buffers.
  void Restart(uint64_t seed);
  // The same, for the case numbered `case_index` (its size follows),
  // replaying `prefix` first (instead of the directive's).
  void Restart(uint64_t seed, uint64_t case_index,
               const ChoiceSequence& prefix);

  // The case's size in (0, 1] under the directive's size schedule, or
  // kNoSize without one (size_schedule.h).
  double size() const { return size_; }

  int64_t DrawInteger(int64_t min, int64_t max);
  double DrawFloat(double min, double max, bool allow_nan, bool allow_infinity);
  bool DrawBoolean(double probability);
  std::string DrawBytes(uint32_t min_size, uint32_t max_size);

  // Spans group the draws of one generator (an element of a list, a branch
  // of a one_of) so that the shrinker can delete or reorder them as units.
  void StartSpan(const std::string& label);
  void EndSpan();

  const ChoiceSequence& choices() const { return choices_; }
  // The spans, with any still open (the run ended inside a generator, by an
  // exception) closed at the last choice.
  std::vector<Span> FinishedSpans() const;

 private:
  // The prefix's next choice if it has the right kind (its value forced into
  // the new constraints), or nullptr when the run is past the prefix.
  const Choice* NextPrefixChoice(ChoiceKind kind);
  void Record(Choice choice);
  // The latest integer drawn in this run with the same bounds, or null.
  const Choice* EarlierInteger(int64_t min, int64_t max) const;

  Directive directive_;
  double size_;
  SplitMix64 random_;
  ChoiceSequence choices_;
  std::vector<Span> spans_;
  std::vector<size_t> open_spans_;  // indices into spans_
  // The index in choices_ of the latest integer drawn with these bounds
  // (min, max), kept up to date by Record so that EarlierInteger costs O(1)
  // rather than a scan of every earlier choice on each draw.
  absl::flat_hash_map<std::pair<int64_t, int64_t>, size_t> latest_integer_;
};

}  // namespace lockstep::protocol

#endif  // LOCKSTEP_SERVER_BRIDGE_PROTOCOL_CHOICE_SOURCE_H_
