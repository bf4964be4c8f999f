// Crash records (PROTOCOL.md, "Crash records"): when the connection ends
// while the client was running a case -- the test process died under it --
// the engine saves that case in the example database, rebuilt from the
// directive it sent (a batch's case i from the batch's seed), so that the
// next run replays it first, isolated, and reports the crash as a failure.
#ifndef LOCKSTEP_SERVER_BRIDGE_SERVER_CRASH_RECORD_H_
#define LOCKSTEP_SERVER_BRIDGE_SERVER_CRASH_RECORD_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "server_bridge/engine/engine.h"
#include "server_bridge/protocol/progress_page.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::server {

// The directives of one test sent and not yet answered, by message id.
// Owned by the test's worker thread.
class DirectivesInFlight {
 public:
  void Sent(uint64_t id, const protocol::Directive& directive) {
    sent_[id] = directive;
  }
  void Answered(uint64_t id) { sent_.erase(id); }

  // The single case `running` names, as a directive of its own (a batch's
  // case drawn from its seed, no prefix), or nothing when it names no
  // directive of this test.
  std::optional<protocol::Directive> Case(
      const protocol::CaseInFlight& running) const;

 private:
  std::map<uint64_t, protocol::Directive> sent_;
};

// Where one test marks its running case: the page and its slot (none when
// the page is null or the slot 0). The page outlives every test.
struct CaseWatch {
  const protocol::ProgressPage* page = nullptr;
  uint32_t slot = 0;
};

// After the test's channel closed: if `watch` says a case of `in_flight` was
// running, saves it as a crash record under `name` in the test's database
// and returns a line for the log; "" otherwise.
std::string RecordCrashIfRunning(const std::string& name,
                                 const engine::Settings& settings,
                                 const CaseWatch& watch,
                                 const DirectivesInFlight& in_flight);

// How the client died, for the record: the fatal signal its handler wrote
// to the page (0: none).
std::string ClientDeathMessage(int signal);

}  // namespace lockstep::server

#endif  // LOCKSTEP_SERVER_BRIDGE_SERVER_CRASH_RECORD_H_
