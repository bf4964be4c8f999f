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
#include "server_bridge/engine/proto_conversion.h"

namespace lockstep {
namespace {

using client::Connection;
using client::Packet;

// The result of running the body once.
struct Run {
  engine::v1::RunResult result;
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

absl::Status ValidateDirective(const engine::v1::Directive& directive) {
  for (int i = 0; i < directive.prefix_size(); ++i) {
    absl::StatusOr<engine::Choice> choice =
        engine::FromProto(directive.prefix(i));
    if (!choice.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("choice ", i, ": ", choice.status().message()));
    }
  }
  return absl::OkStatus();
}

Run RunBody(const std::function<void(TestCase&)>& body,
            const engine::v1::Directive& wire) {
  engine::Directive directive;
  directive.seed = wire.seed();
  directive.random_tail = wire.random_tail();
  directive.max_choices = wire.max_choices();
  for (const engine::v1::Choice& choice : wire.prefix()) {
    if (absl::StatusOr<engine::Choice> converted = engine::FromProto(choice);
        converted.ok()) {
      directive.prefix.push_back(*std::move(converted));
    }
  }
  engine::ChoiceSource source(directive);
  TestCase tc(&source, wire.phase() == engine::v1::PHASE_FINAL);
  Run run;
  engine::v1::RunResult& result = run.result;
  try {
    body(tc);
    result.set_status(engine::v1::STATUS_VALID);
  } catch (const Rejected&) {
    result.set_status(engine::v1::STATUS_INVALID);
  } catch (const engine::Overrun&) {
    result.set_status(engine::v1::STATUS_OVERRUN);
  } catch (const AssertionFailure& failure) {
    result.set_status(engine::v1::STATUS_INTERESTING);
    result.set_origin(failure.origin());
    result.set_message(failure.what());
  } catch (const std::exception& error) {
    result.set_status(engine::v1::STATUS_INTERESTING);
    result.set_origin(typeid(error).name());
    result.set_message(error.what());
  } catch (...) {
    result.set_status(engine::v1::STATUS_INTERESTING);
    result.set_origin("unknown exception");
    result.set_message("the body threw something that is not a std::exception");
  }
  for (const engine::Choice& choice : source.choices()) {
    *result.add_choices() = engine::ToProto(choice);
  }
  for (const engine::Span& span : source.FinishedSpans()) {
    engine::v1::Span* wire_span = result.add_spans();
    wire_span->set_start(span.start);
    wire_span->set_end(span.end);
    wire_span->set_label(span.label);
    wire_span->set_depth(span.depth);
  }
  for (const engine::Target& target : tc.targets()) {
    engine::v1::Target* wire_target = result.add_targets();
    wire_target->set_label(target.label);
    wire_target->set_score(target.score);
  }
  run.draws = tc.draws();
  run.notes = tc.notes();
  return run;
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
  for (;;) {
    absl::StatusOr<Packet> packet = (*connection)->Receive(*channel, timeout);
    if (!packet.ok()) {
      result.error = std::string(packet.status().message());
      break;
    }
    if (packet->has_directive()) {
      if (absl::Status valid = ValidateDirective(packet->directive());
          !valid.ok()) {
        result.error =
            absl::StrCat("the lockstep engine sent a malformed directive: ",
                         valid.message());
        break;
      }
      Run run = RunBody(body, packet->directive());
      Packet reply;
      *reply.mutable_run_result() = run.result;
      (*connection)->Send(*channel, packet->message_id(), std::move(reply));
      if (packet->directive().phase() == engine::v1::PHASE_FINAL) {
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
