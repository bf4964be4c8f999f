// Internal to Check: running the body once for the engine (a case, a
// batch, a final replay) or for an explicit example, with what every run
// shares: a usage error (usage_error.h) ends the test instead of failing
// the case, and generated cases count their events.
#ifndef LOCKSTEP_CLIENT_CASE_RUNS_H_
#define LOCKSTEP_CLIENT_CASE_RUNS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "client/explicit_example.h"
#include "client/isolated_case.h"
#include "client/result.h"
#include "client/settings.h"
#include "client/test_case.h"
#include "server_bridge/proto/engine.pb.h"
#include "server_bridge/protocol/progress_page.h"
#include "server_bridge/protocol/run.h"

namespace lockstep::internal {

using Body = std::function<void(TestCase&)>;

// Owned by the thread running one Check: the body, and what its runs have
// told so far.
class CaseRuns {
 public:
  CaseRuns(const Body& body, Result* result,
           uint32_t max_steps = kDefaultMaxSteps)
      : body_(body), result_(result), max_steps_(max_steps) {}

  // For the engine's cases: mark each case in `slot` of `page` (none when
  // null or 0) so that the engine can record the case a crash ends
  // (PROTOCOL.md, "Crash records"); run every case isolated when `isolate`
  // (otherwise those the engine asks to), killing it after `deadline`; and
  // start no further case of a batch once `stopped` says so (the engine is
  // gone). `stopped` must outlive the runs.
  void Configure(const protocol::ProgressPage* page, uint32_t slot,
                 bool isolate, absl::Duration deadline,
                 std::function<bool()> stopped);

  // One case, as the directive (sent as message `directive_id`) says. A
  // final replay's draws and notes go to final_draws()/final_notes().
  protocol::Outcome RunCase(const protocol::Directive& directive,
                            uint64_t directive_id = 0);
  // A generation batch (PROTOCOL.md), answered once it ends or fills up.
  engine::v1::RunResult RunBatch(const protocol::Directive& batch,
                                 uint32_t max_cases, uint64_t directive_id = 0);
  // Runs the explicit examples, in order, adding a Failure for each that
  // fails. False when one could not run (result->error says why).
  bool RunExamples(const std::vector<Example>& examples);

  // The first usage error a run raised, or "".
  const std::string& usage_error() const { return usage_error_; }
  // Cases run for the engine, all phases.
  uint64_t cases_run() const { return cases_run_; }
  const std::vector<DrawnValue>& final_draws() const { return final_draws_; }
  const std::vector<std::string>& final_notes() const { return final_notes_; }

 private:
  // Runs the body on `tc`; the outcome's status, failure and targets.
  protocol::Outcome Run(TestCase& tc, protocol::ChoiceSource& source);
  // The same in a forked child (isolated_case.h): the choices and spans
  // land in `source`; a final run's draws and notes in final_draws_/notes_.
  protocol::Outcome RunIsolated(protocol::ChoiceSource& source, bool final_run);
  void CountEvents(const TestCase& tc);

  const Body& body_;
  Result* const result_;
  const uint32_t max_steps_;  // Settings::max_steps, for every TestCase
  std::string usage_error_;
  uint64_t cases_run_ = 0;
  std::vector<DrawnValue> final_draws_;
  std::vector<std::string> final_notes_;
  const protocol::ProgressPage* page_ = nullptr;
  uint32_t slot_ = 0;
  bool isolate_ = false;
  std::function<bool()> stopped_ = [] { return false; };
  std::unique_ptr<CaseIsolator> isolator_;  // made on first use
};

// A failure's minimal example for humans: its draws and notes.
std::string FormatExample(const Failure& failure);

}  // namespace lockstep::internal

#endif  // LOCKSTEP_CLIENT_CASE_RUNS_H_
