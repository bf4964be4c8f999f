// Internal to Check: running the body once for the engine (a case, a
// batch, a final replay) or for an explicit example, with what every run
// shares: a usage error (usage_error.h) ends the test instead of failing
// the case, and generated cases count their events.
#ifndef LOCKSTEP_CLIENT_CASE_RUNS_H_
#define LOCKSTEP_CLIENT_CASE_RUNS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "client/explicit_example.h"
#include "client/result.h"
#include "client/settings.h"
#include "client/test_case.h"
#include "server_bridge/proto/engine.pb.h"
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

  // One case, as the directive says. A final replay's draws and notes go
  // to final_draws()/final_notes().
  protocol::Outcome RunCase(const protocol::Directive& directive);
  // A generation batch (PROTOCOL.md), answered once it ends or fills up.
  engine::v1::RunResult RunBatch(const protocol::Directive& batch,
                                 uint32_t max_cases);
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
  void CountEvents(const TestCase& tc);

  const Body& body_;
  Result* const result_;
  const uint32_t max_steps_;  // Settings::max_steps, for every TestCase
  std::string usage_error_;
  uint64_t cases_run_ = 0;
  std::vector<DrawnValue> final_draws_;
  std::vector<std::string> final_notes_;
};

// A failure's minimal example for humans: its draws and notes.
std::string FormatExample(const Failure& failure);

}  // namespace lockstep::internal

#endif  // LOCKSTEP_CLIENT_CASE_RUNS_H_
