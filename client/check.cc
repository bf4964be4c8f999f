#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "client/case_runs.h"
#include "client/lockstep.h"
#include "client/progress_slots.h"
#include "client/session.h"
#include "server_bridge/protocol/defaults.h"
#include "server_bridge/protocol/wire.h"

namespace lockstep {
namespace {

using client::Connection;
using client::Packet;

engine::v1::Settings ToWire(const ResolvedSettings& settings) {
  engine::v1::Settings wire;
  wire.set_test_cases(settings.test_cases);
  if (settings.seed) {
    wire.set_has_seed(true);
    wire.set_seed(*settings.seed);
  }
  wire.set_derandomize(settings.derandomize);
  if (settings.database) {
    wire.set_database(*settings.database);
  } else {
    wire.set_no_database(true);
  }
  for (const std::string& name : settings.suppressed_health_checks) {
    wire.add_suppress_health_check(name);
  }
  wire.set_max_shrink_calls(settings.max_shrink_calls);
  wire.set_max_shrink_seconds(settings.max_shrink_seconds);
  wire.set_isolate(settings.isolate);
  wire.set_size_cycle(settings.size_cycle);
  return wire;
}

// Adds `problem` to the result's errors: every one is kept, none
// overwrites another.
void AddError(Result* result, std::string problem) {
  if (!result->error.empty()) result->error += "; ";
  result->error += problem;
}

const char* PhaseName(protocol::Phase phase) {
  switch (phase) {
    case protocol::Phase::kReplay:
      return "replaying saved failures";
    case protocol::Phase::kGenerate:
      return "generating";
    case protocol::Phase::kTarget:
      return "targeting";
    case protocol::Phase::kShrink:
      return "shrinking";
    case protocol::Phase::kFinal:
      return "replaying the minimal failure";
  }
  return "running";
}

// Diagnostics for a human watching a run (verbosity >= 1), on stderr: one
// whole line per write, so lines of concurrent tests do not interleave.
void Say(const std::string& line) { std::fputs(line.c_str(), stderr); }

// Owned by the thread running one Check: the conversation with the engine
// about one test.
class Conversation {
 public:
  Conversation(const std::string& name, const ResolvedSettings& settings,
               internal::CaseRuns* runs, Result* result)
      : name_(name),
        settings_(settings),
        runs_(runs),
        result_(result),
        start_(absl::Now()),
        next_progress_(start_ + absl::Seconds(settings.progress_seconds)) {}

  void Run() {
    absl::Duration timeout = absl::Seconds(settings_.engine_timeout_seconds);
    absl::StatusOr<std::shared_ptr<Connection>> connection =
        client::Session::Global().Connect(settings_.engine_path, timeout);
    if (!connection.ok()) {
      AddError(result_, std::string(connection.status().message()));
      return;
    }
    // The slot in which this test marks the case it runs, for the engine's
    // crash record.
    client::ProgressSlots& slots = client::ProgressSlots::Global();
    uint32_t slot = slots.Acquire();
    std::shared_ptr<Connection> live = *connection;
    runs_->Configure(slots.page(), slot, settings_.isolate,
                     settings_.case_deadline, [live] { return live->ended(); });
    engine::v1::StartTest start;
    start.set_name(name_);
    *start.mutable_settings() = ToWire(settings_);
    start.set_progress_slot(slot);
    absl::StatusOr<uint32_t> channel = (*connection)->StartTest(start, timeout);
    if (channel.ok()) {
      Converse(**connection, *channel, timeout);
      (*connection)->CloseChannel(*channel);
    } else {
      AddError(result_, std::string(channel.status().message()));
    }
    slots.Release(slot);
  }

 private:
  // Answers directives until the report, an error or a usage error.
  void Converse(Connection& connection, uint32_t channel,
                absl::Duration timeout) {
    bool failed_in_batch = false;  // a batch answer ended with a failure
    for (;;) {
      absl::StatusOr<Packet> packet = connection.Receive(channel, timeout);
      if (!packet.ok()) {
        AddError(result_, std::string(packet.status().message()));
        return;
      }
      if (packet->has_directive()) {
        if (connection.ended()) {
          // The engine is gone: its directives still queued would run for
          // nobody. Fail now, with the engine's exit.
          AddError(result_, std::string(connection.Lost().message()));
          return;
        }
        absl::StatusOr<protocol::Directive> directive =
            protocol::DirectiveFromWire(packet->directive());
        if (!directive.ok()) {
          AddError(
              result_,
              absl::StrCat("the lockstep engine sent a malformed directive: ",
                           directive.status().message()));
          return;
        }
        Progress(directive->phase);
        Packet reply;
        if (directive->batch_size > 0) {
          *reply.mutable_run_result() =
              runs_->RunBatch(*directive,
                              failed_in_batch ? protocol::kMaxCasesAfterFailure
                                              : directive->batch_size,
                              packet->message_id());
          const auto& batch = reply.run_result().runs();
          failed_in_batch =
              failed_in_batch ||
              (!batch.empty() &&
               batch.rbegin()->status() == engine::v1::STATUS_INTERESTING);
        } else {
          protocol::Outcome outcome =
              runs_->RunCase(*directive, packet->message_id());
          *reply.mutable_run_result() = protocol::ToWire(outcome);
          if (directive->phase == protocol::Phase::kFinal) {
            final_runs_[directive->failure_id] = {runs_->final_draws(),
                                                  runs_->final_notes()};
          }
        }
        if (!runs_->usage_error().empty()) {
          // Abort: closing the channel ends the engine's side of the test.
          AddError(result_,
                   absl::StrCat("usage error: ", runs_->usage_error()));
          return;
        }
        connection.Send(channel, packet->message_id(), std::move(reply));
        continue;
      }
      if (packet->has_error()) {
        // The engine ends the test with a report after a protocol error.
        AddError(result_,
                 absl::StrCat("the lockstep engine reported a protocol error: ",
                              packet->error().code(), ": ",
                              packet->error().message()));
        continue;
      }
      if (packet->has_test_report()) {
        TakeReport(packet->test_report());
        return;
      }
      AddError(result_,
               absl::StrCat("the lockstep engine sent an unexpected packet on "
                            "channel ",
                            channel, ": ", packet->ShortDebugString()));
      return;
    }
  }

  // At verbosity 2 each phase the first time it starts (targeting and
  // generating alternate); at 1 and up a line every progress_seconds on a
  // long run.
  void Progress(protocol::Phase phase) {
    if (settings_.verbosity >= 2 && phases_seen_.insert(phase).second) {
      Say(absl::StrCat("lockstep: '", name_, "': ", PhaseName(phase), "\n"));
    }
    if (settings_.verbosity < 1) return;
    absl::Time now = absl::Now();
    if (now < next_progress_) return;
    Say(absl::StrCat(
        "lockstep: '", name_, "' still running after ",
        absl::StrFormat("%.1f", absl::ToDoubleSeconds(now - start_)),
        "s: ", runs_->cases_run(), " cases run, ", PhaseName(phase), "\n"));
    next_progress_ = now + absl::Seconds(settings_.progress_seconds);
  }

  void TakeReport(const engine::v1::TestReport& report) {
    result_->passed =
        report.passed() && result_->error.empty() && result_->failures.empty();
    result_->test_cases_run = report.valid();
    result_->invalid_cases = report.invalid();
    result_->overruns = report.overruns();
    result_->repeats = report.repeats();
    result_->replayed = report.replayed();
    result_->stop_reason = report.stop_reason();
    result_->shrink_calls = report.shrink_calls();
    result_->shrink_stop_reason = report.shrink_stop_reason();
    result_->seed = report.seed();
    if (!report.error().empty()) AddError(result_, report.error());
    if (report.health_check_failures_size() > 0) {
      AddError(
          result_,
          absl::StrCat("health check failed: ",
                       absl::StrJoin(report.health_check_failures(), "; ")));
    }
    result_->database_problems.assign(report.database_problems().begin(),
                                      report.database_problems().end());
    for (const engine::v1::Failure& reported : report.failures()) {
      Failure failure;
      failure.message = reported.message();
      failure.origin = reported.origin();
      failure.flaky = reported.flaky();
      auto replay = final_runs_.find(reported.id());
      if (replay != final_runs_.end()) {
        failure.draws = std::move(replay->second.first);
        failure.notes = std::move(replay->second.second);
      }
      failure.example = internal::FormatExample(failure);
      result_->failures.push_back(std::move(failure));
    }
  }

  const std::string& name_;
  const ResolvedSettings& settings_;
  internal::CaseRuns* const runs_;
  Result* const result_;
  const absl::Time start_;
  absl::Time next_progress_;
  std::set<protocol::Phase> phases_seen_;
  // The final replays' draws and notes, by the id of the failure each
  // replays.
  std::map<uint32_t,
           std::pair<std::vector<DrawnValue>, std::vector<std::string>>>
      final_runs_;
};

}  // namespace

Result Check(const std::string& name,
             const std::function<void(TestCase&)>& body,
             const Settings& settings) {
  Result result;
  absl::Time start = absl::Now();
  absl::StatusOr<ResolvedSettings> resolved = Resolve(settings);
  if (!resolved.ok()) {
    result.error = std::string(resolved.status().message());
    return result;
  }
  result.database = resolved->database.value_or("");
  internal::CaseRuns runs(body, &result, resolved->max_steps);
  // Explicit examples first, every run; a failing one is the result.
  if (runs.RunExamples(resolved->examples) && result.failures.empty()) {
    Conversation(name, *resolved, &runs, &result).Run();
  }
  result.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  if (resolved->verbosity >= 1) Say(result.Statistics(name));
  return result;
}

}  // namespace lockstep
