// An isolated case's account of itself (isolated_case.h), written by the
// forked child into memory shared with its parent as the case runs, so that
// the parent learns what the case drew even when the child crashes or hangs
// half way: every draw call with its constraints, the spans, the draws and
// notes a final run prints, and, if the body ended, how.
//
// The parent replays the draw calls into its own ChoiceSource for the same
// directive (or batch seed): the drawing algorithm is deterministic, so the
// replay makes exactly the child's choices and spans, and the outcome goes
// to the engine as if the case had run in the parent.
//
// Ownership: the parent resets the journal before each fork and reads it
// only after the child has been reaped; the child is the only writer in
// between. The parent and child are separate processes, so no lock is
// involved; the committed length is an atomic stored (release) by the child
// after each record and loaded (acquire) by the parent.
#ifndef LOCKSTEP_CLIENT_CASE_JOURNAL_H_
#define LOCKSTEP_CLIENT_CASE_JOURNAL_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server_bridge/protocol/choice_source.h"
#include "server_bridge/protocol/run.h"

namespace lockstep {

struct DrawnValue;

namespace internal {

class CaseJournal {
 public:
  // Room for the records of one case; a case that writes more loses the
  // rest of its account (its outcome is then taken as a crash's).
  static constexpr size_t kCapacity = size_t{16} << 20;

  CaseJournal();
  ~CaseJournal();
  CaseJournal(const CaseJournal&) = delete;
  CaseJournal& operator=(const CaseJournal&) = delete;

  // False when the shared memory could not be mapped.
  bool ok() const { return memory_ != nullptr; }
  // Parent, before each fork.
  void Reset();

  // Child: a draw returned (its constraints; the value follows from them).
  void Integer(int64_t min, int64_t max);
  void Float(double min, double max, bool allow_nan, bool allow_infinity);
  void Boolean(double probability);
  void Bytes(uint32_t min_size, uint32_t max_size);
  void SpanStarts(std::string_view label);
  void SpanEnds();
  // Child, final runs only: what the report prints.
  void Draw(std::string_view name, std::string_view value);
  void Note(std::string_view note);
  // Child: the body ended, with this status, origin, message and targets
  // (and a usage error, if one was raised).
  void Finish(const protocol::Outcome& outcome, std::string_view usage_error);

  // Parent, after the child was reaped: replays the draw calls and spans
  // into `source` and returns what else the journal says.
  struct Account {
    std::optional<protocol::Outcome> finished;  // status, origin, ...
    std::string usage_error;
    std::vector<DrawnValue> draws;
    std::vector<std::string> notes;
  };
  Account Replay(protocol::ChoiceSource& source) const;

 private:
  void Append(const void* data, size_t size);
  void AppendString(std::string_view text);
  void Commit();

  // The shared mapping: the committed length, then the records.
  char* memory_ = nullptr;
  std::atomic<uint64_t>* committed_ = nullptr;
  // Child only: bytes written past the committed length.
  size_t pending_ = 0;
  bool overflowed_ = false;
};

}  // namespace internal
}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_CASE_JOURNAL_H_
