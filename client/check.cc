#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "client/lockstep.h"
#include "client/session.h"
#include "server_bridge/protocol/case_runner.h"
#include "server_bridge/protocol/defaults.h"
#include "server_bridge/protocol/wire.h"

namespace lockstep {
namespace {

using client::Connection;
using client::Packet;

// The result of running the body once.
struct Run {
  protocol::Outcome outcome;
  std::vector<std::string> draws;
  std::vector<std::string> notes;
};

engine::v1::Settings ToWire(const Settings& settings) {
  engine::v1::Settings wire;
  wire.set_test_cases(settings.test_cases);
  if (settings.seed) {
    wire.set_has_seed(true);
    wire.set_seed(*settings.seed);
  }
  bool derandomize =
      settings.derandomize.value_or(std::getenv("CI") != nullptr);
  wire.set_derandomize(derandomize);
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
  return wire;
}

// Runs the body once, drawing from `source`. The outcome's status, failure
// and targets are set; its choices and spans are left in `source`, for the
// caller to copy or summarize. `final_run`, when given, receives the draws
// and notes of a final replay.
protocol::Outcome RunBody(const std::function<void(TestCase&)>& body,
                          protocol::ChoiceSource& source,
                          Run* final_run = nullptr) {
  TestCase tc(&source, final_run != nullptr);
  protocol::Outcome outcome =
      protocol::RunBody([&](protocol::ChoiceSource&) { body(tc); }, source);
  for (const auto& [label, score] : tc.targets()) {
    outcome.targets.push_back(protocol::Target{label, score});
  }
  if (final_run != nullptr) {
    final_run->draws = tc.draws();
    final_run->notes = tc.notes();
  }
  return outcome;
}

// One case, as the directive says.
Run RunCase(const std::function<void(TestCase&)>& body,
            const protocol::Directive& directive) {
  protocol::ChoiceSource source(directive);
  Run run;
  bool final_run = directive.phase == protocol::Phase::kFinal;
  run.outcome = RunBody(body, source, final_run ? &run : nullptr);
  run.outcome.choices = source.choices();
  run.outcome.spans = source.FinishedSpans();
  return run;
}

// A generation batch (PROTOCOL.md), answered once it ends or fills up.
engine::v1::RunResult RunBatch(const std::function<void(TestCase&)>& body,
                               const protocol::Directive& batch,
                               uint32_t max_cases) {
  protocol::BatchAnswerBuilder answer;
  protocol::RunBatch(
      batch, max_cases,
      [&](protocol::ChoiceSource& source) { return RunBody(body, source); },
      [&](protocol::Outcome& outcome) { return answer.Add(outcome); });
  return answer.Take();
}

// The minimal example of a failure, for humans: its draws, notes and how
// to reproduce it.
std::string Example(const Failure& failure, bool flaky, uint64_t seed) {
  std::string example;
  for (size_t d = 0; d < failure.draws.size(); ++d) {
    absl::StrAppend(&example, "  draw ", d + 1, ": ", failure.draws[d], "\n");
  }
  for (const std::string& note : failure.notes) {
    absl::StrAppend(&example, "  note: ", note, "\n");
  }
  if (flaky) {
    absl::StrAppend(&example,
                    "  (flaky: the minimal example did not fail again)\n");
  }
  absl::StrAppend(&example, "  reproduce with Settings::seed = ", seed, "\n");
  return example;
}

// Adds `problem` to the result's errors: every one is kept, none
// overwrites another.
void AddError(Result* result, std::string problem) {
  if (!result->error.empty()) result->error += "; ";
  result->error += problem;
}

}  // namespace

const Failure& Result::failure() const {
  static const Failure* none = new Failure();
  return failures.empty() ? *none : failures.front();
}

std::string Result::Report(const std::string& name) const {
  std::string report;
  if (passed) {
    absl::StrAppend(&report, "lockstep: '", name, "' passed ", test_cases_run,
                    " cases\n");
  }
  for (const Failure& failure : failures) {
    absl::StrAppend(&report, "lockstep: '", name, "' failed: ", failure.message,
                    " (at ", failure.origin, ")\n", failure.example);
  }
  if (!error.empty())
    absl::StrAppend(&report, "lockstep: '", name, "': ", error, "\n");
  for (const std::string& problem : database_problems) {
    absl::StrAppend(&report, "lockstep: '", name,
                    "': example database: ", problem, "\n");
  }
  return report;
}

Result Check(const std::string& name,
             const std::function<void(TestCase&)>& body,
             const Settings& settings) {
  Result result;
  absl::Duration timeout = absl::Seconds(settings.engine_timeout_seconds);
  absl::StatusOr<std::shared_ptr<Connection>> connection =
      client::Session::Global().Connect(settings.engine_path, timeout);
  if (!connection.ok()) {
    result.error = std::string(connection.status().message());
    return result;
  }
  engine::v1::StartTest start;
  start.set_name(name);
  *start.mutable_settings() = ToWire(settings);
  absl::StatusOr<uint32_t> channel = (*connection)->StartTest(start, timeout);
  if (!channel.ok()) {
    result.error = std::string(channel.status().message());
    return result;
  }
  // The final replays, by the id of the failure each replays.
  std::map<uint32_t, Run> final_runs;
  bool failed_in_batch = false;  // a batch answer ended with a failure
  for (;;) {
    absl::StatusOr<Packet> packet = (*connection)->Receive(*channel, timeout);
    if (!packet.ok()) {
      AddError(&result, std::string(packet.status().message()));
      break;
    }
    if (packet->has_directive()) {
      absl::StatusOr<protocol::Directive> directive =
          protocol::DirectiveFromWire(packet->directive());
      if (!directive.ok()) {
        AddError(
            &result,
            absl::StrCat("the lockstep engine sent a malformed directive: ",
                         directive.status().message()));
        break;
      }
      Packet reply;
      if (directive->batch_size > 0) {
        *reply.mutable_run_result() =
            RunBatch(body, *directive,
                     failed_in_batch ? protocol::kMaxCasesAfterFailure
                                     : directive->batch_size);
        const auto& runs = reply.run_result().runs();
        failed_in_batch = failed_in_batch ||
                          (!runs.empty() && runs.rbegin()->status() ==
                                                engine::v1::STATUS_INTERESTING);
        (*connection)->Send(*channel, packet->message_id(), std::move(reply));
        continue;
      }
      Run run = RunCase(body, *directive);
      *reply.mutable_run_result() = protocol::ToWire(run.outcome);
      (*connection)->Send(*channel, packet->message_id(), std::move(reply));
      if (directive->phase == protocol::Phase::kFinal) {
        final_runs[directive->failure_id] = std::move(run);
      }
      continue;
    }
    if (packet->has_error()) {
      // The engine ends the test with a report after a protocol error.
      AddError(&result,
               absl::StrCat("the lockstep engine reported a protocol error: ",
                            packet->error().code(), ": ",
                            packet->error().message()));
      continue;
    }
    if (packet->has_test_report()) {
      const engine::v1::TestReport& report = packet->test_report();
      result.passed = report.passed() && result.error.empty();
      result.test_cases_run = report.valid();
      result.invalid_cases = report.invalid();
      result.shrink_calls = report.shrink_calls();
      result.shrink_stop_reason = report.shrink_stop_reason();
      result.seed = report.seed();
      if (!report.error().empty()) AddError(&result, report.error());
      if (report.health_check_failures_size() > 0) {
        AddError(
            &result,
            absl::StrCat("health check failed: ",
                         absl::StrJoin(report.health_check_failures(), "; ")));
      }
      result.database_problems.assign(report.database_problems().begin(),
                                      report.database_problems().end());
      for (const engine::v1::Failure& reported : report.failures()) {
        Failure failure;
        failure.message = reported.message();
        failure.origin = reported.origin();
        auto replay = final_runs.find(reported.id());
        if (replay != final_runs.end()) {
          failure.draws = std::move(replay->second.draws);
          failure.notes = std::move(replay->second.notes);
        }
        failure.example = Example(failure, reported.flaky(), report.seed());
        result.failures.push_back(std::move(failure));
      }
      break;
    }
    AddError(&result,
             absl::StrCat("the lockstep engine sent an unexpected packet on "
                          "channel ",
                          *channel, ": ", packet->ShortDebugString()));
    break;
  }
  (*connection)->CloseChannel(*channel);
  return result;
}

}  // namespace lockstep
