#include <algorithm>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <typeinfo>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "client/lockstep.h"
#include "client/session.h"
#include "server_bridge/engine/choice_source.h"
#include "server_bridge/wire/run_conversion.h"

namespace lockstep {
namespace {

using client::Connection;
using client::Packet;

// The result of running the body once.
struct Run {
  engine::Outcome outcome;
  std::vector<std::string> draws;
  std::vector<std::string> notes;
};

// A batch's answer stops growing past this size; the engine asks again for
// the cases it did not get. Keeps one message well under gRPC's 4 MiB limit.
constexpr size_t kMaxBatchAnswerBytes = 1 << 20;
// What a summarized run costs in an answer, near enough.
constexpr size_t kSummarizedRunBytes = 24;
// After a batch that found a failure, the engine stops searching soon; the
// batch already sent behind it is answered after this many cases (its
// post-failure budget, as in the engine), not the whole batch.
constexpr uint32_t kMaxCasesAfterFailure = 50;

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
// caller to copy or summarize.
Run RunBody(const std::function<void(TestCase&)>& body,
            engine::ChoiceSource& source, bool final_run) {
  TestCase tc(&source, final_run);
  Run run;
  engine::Outcome& outcome = run.outcome;
  try {
    body(tc);
    outcome.status = engine::Status::kValid;
  } catch (const Rejected&) {
    outcome.status = engine::Status::kInvalid;
  } catch (const engine::Overrun&) {
    outcome.status = engine::Status::kOverrun;
  } catch (const AssertionFailure& failure) {
    outcome.status = engine::Status::kInteresting;
    outcome.origin = failure.origin();
    outcome.message = failure.what();
  } catch (const std::exception& error) {
    outcome.status = engine::Status::kInteresting;
    outcome.origin = typeid(error).name();
    outcome.message = error.what();
  } catch (...) {
    outcome.status = engine::Status::kInteresting;
    outcome.origin = "unknown exception";
    outcome.message = "the body threw something that is not a std::exception";
  }
  outcome.targets = tc.targets();
  if (final_run) {
    run.draws = tc.draws();
    run.notes = tc.notes();
  }
  return run;
}

// One case, as the directive says.
Run RunCase(const std::function<void(TestCase&)>& body,
            const engine::Directive& directive) {
  engine::ChoiceSource source(directive);
  Run run = RunBody(body, source, directive.phase == engine::Phase::kFinal);
  run.outcome.choices = source.choices();
  run.outcome.spans = source.FinishedSpans();
  return run;
}

// A generation batch: the cases one after another, each from its batch seed,
// each answered whole or summarized (PROTOCOL.md), stopping after a failure
// or once the answer is large.
engine::v1::RunResult RunBatch(const std::function<void(TestCase&)>& body,
                               const engine::Directive& batch,
                               uint32_t max_cases) {
  engine::v1::RunResult answer;
  engine::BatchSeeds seeds(batch.seed);
  engine::Directive one;
  one.phase = engine::Phase::kGenerate;
  one.max_choices = batch.max_choices;
  engine::ChoiceSource source(one);
  size_t answer_bytes = 0;
  for (uint32_t i = 0; i < std::min(batch.batch_size, max_cases); ++i) {
    source.Restart(seeds.Next());
    Run run = RunBody(body, source, /*final_run=*/false);
    engine::Outcome& outcome = run.outcome;
    const engine::ChoiceSequence& choices = source.choices();
    engine::v1::RunResult* wire = answer.add_runs();
    if (engine::SendBatchedRunWhole(outcome.status, choices,
                                    !outcome.targets.empty())) {
      outcome.choices = choices;
      // The engine needs spans only to shrink.
      if (outcome.status == engine::Status::kInteresting) {
        outcome.spans = source.FinishedSpans();
      }
      *wire = wire::ToWire(outcome);
      answer_bytes += wire->ByteSizeLong();
    } else {
      engine::Summarize(choices, &outcome);
      *wire = wire::ToWire(outcome);
      answer_bytes += kSummarizedRunBytes;
    }
    if (outcome.status == engine::Status::kInteresting) break;
    if (answer_bytes >= kMaxBatchAnswerBytes) break;
  }
  return answer;
}

}  // namespace

const Failure& Result::failure() const {
  static const Failure* none = new Failure();
  return failures.empty() ? *none : failures.front();
}

std::string Result::Report(const std::string& name) const {
  std::string report;
  if (passed)
    return absl::StrCat("lockstep: '", name, "' passed ", test_cases_run,
                        " cases\n");
  for (const Failure& failure : failures) {
    absl::StrAppend(&report, "lockstep: '", name, "' failed: ", failure.message,
                    " (at ", failure.origin, ")\n", failure.example);
  }
  if (!error.empty())
    absl::StrAppend(&report, "lockstep: '", name, "': ", error, "\n");
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
  std::vector<Run> final_runs;
  bool failed_in_batch = false;  // a batch answer ended with a failure
  for (;;) {
    absl::StatusOr<Packet> packet = (*connection)->Receive(*channel, timeout);
    if (!packet.ok()) {
      result.error = std::string(packet.status().message());
      break;
    }
    if (packet->has_directive()) {
      absl::StatusOr<engine::Directive> directive =
          wire::DirectiveFromWire(packet->directive());
      if (!directive.ok()) {
        result.error =
            absl::StrCat("the lockstep engine sent a malformed directive: ",
                         directive.status().message());
        break;
      }
      Packet reply;
      if (directive->batch_size > 0) {
        *reply.mutable_run_result() = RunBatch(
            body, *directive,
            failed_in_batch ? kMaxCasesAfterFailure : directive->batch_size);
        const auto& runs = reply.run_result().runs();
        failed_in_batch = failed_in_batch ||
                          (!runs.empty() && runs.rbegin()->status() ==
                                                engine::v1::STATUS_INTERESTING);
        (*connection)->Send(*channel, packet->message_id(), std::move(reply));
        continue;
      }
      Run run = RunCase(body, *directive);
      *reply.mutable_run_result() = wire::ToWire(run.outcome);
      (*connection)->Send(*channel, packet->message_id(), std::move(reply));
      if (directive->phase == engine::Phase::kFinal) {
        final_runs.push_back(std::move(run));
      }
      continue;
    }
    if (packet->has_error()) {
      result.error =
          absl::StrCat("the lockstep engine reported a protocol error: ",
                       packet->error().code(), ": ", packet->error().message());
      continue;  // the engine ends the test with a report
    }
    if (packet->has_test_report()) {
      const engine::v1::TestReport& report = packet->test_report();
      result.passed = report.passed() && result.error.empty();
      result.test_cases_run = report.valid();
      result.shrink_calls = report.shrink_calls();
      result.seed = report.seed();
      if (!report.error().empty()) result.error = report.error();
      if (report.health_check_failures_size() > 0) {
        result.error =
            absl::StrCat("health check failed: ",
                         absl::StrJoin(report.health_check_failures(), "; "));
      }
      for (int i = 0; i < report.failures_size(); ++i) {
        Failure failure;
        failure.message = report.failures(i).message();
        failure.origin = report.failures(i).origin();
        if (static_cast<size_t>(i) < final_runs.size()) {
          failure.draws = final_runs[i].draws;
          failure.notes = final_runs[i].notes;
        }
        for (size_t d = 0; d < failure.draws.size(); ++d) {
          absl::StrAppend(&failure.example, "  draw ", d + 1, ": ",
                          failure.draws[d], "\n");
        }
        for (const std::string& note : failure.notes) {
          absl::StrAppend(&failure.example, "  note: ", note, "\n");
        }
        if (report.failures(i).flaky()) {
          absl::StrAppend(
              &failure.example,
              "  (flaky: the minimal example did not fail again)\n");
        }
        absl::StrAppend(&failure.example,
                        "  reproduce with Settings::seed = ", report.seed(),
                        "\n");
        result.failures.push_back(std::move(failure));
      }
      break;
    }
    result.error = absl::StrCat(
        "the lockstep engine sent an unexpected packet on channel ", *channel,
        ": ", packet->ShortDebugString());
    break;
  }
  (*connection)->CloseChannel(*channel);
  return result;
}

}  // namespace lockstep
