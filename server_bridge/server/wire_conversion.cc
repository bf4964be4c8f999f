#include "server_bridge/server/wire_conversion.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server_bridge/engine/proto_conversion.h"

namespace lockstep::server {

engine::Settings FromWire(const engine::v1::Settings& wire) {
  engine::Settings settings;
  if (wire.test_cases() > 0) settings.test_cases = wire.test_cases();
  if (wire.has_seed()) settings.seed = wire.seed();
  settings.derandomize = wire.derandomize();
  if (!wire.no_database()) {
    settings.database =
        wire.database().empty() ? kDefaultDatabase : wire.database();
  }
  settings.replay = !wire.no_replay();
  settings.generate = !wire.no_generate();
  settings.target = !wire.no_target();
  settings.shrink = !wire.no_shrink();
  if (wire.max_shrink_calls() > 0)
    settings.shrink_budget.max_calls = wire.max_shrink_calls();
  if (wire.max_shrink_seconds() > 0) {
    settings.shrink_budget.max_time = absl::Seconds(wire.max_shrink_seconds());
  }
  for (const std::string& name : wire.suppress_health_check()) {
    settings.suppressed_health_checks.insert(name);
  }
  if (wire.max_choices() > 0) settings.max_choices = wire.max_choices();
  return settings;
}

engine::v1::Directive ToWire(const engine::Directive& directive) {
  engine::v1::Directive wire;
  switch (directive.phase) {
    case engine::Phase::kReplay:
      wire.set_phase(engine::v1::PHASE_REPLAY);
      break;
    case engine::Phase::kGenerate:
      wire.set_phase(engine::v1::PHASE_GENERATE);
      break;
    case engine::Phase::kTarget:
      wire.set_phase(engine::v1::PHASE_TARGET);
      break;
    case engine::Phase::kShrink:
      wire.set_phase(engine::v1::PHASE_SHRINK);
      break;
    case engine::Phase::kFinal:
      wire.set_phase(engine::v1::PHASE_FINAL);
      break;
  }
  for (const engine::Choice& choice : directive.prefix) {
    *wire.add_prefix() = engine::ToProto(choice);
  }
  wire.set_seed(directive.seed);
  wire.set_random_tail(directive.random_tail);
  wire.set_max_choices(directive.max_choices);
  return wire;
}

absl::StatusOr<engine::Outcome> FromWire(const engine::v1::RunResult& wire,
                                         uint32_t max_choices) {
  engine::Outcome outcome;
  switch (wire.status()) {
    case engine::v1::STATUS_OVERRUN:
      outcome.status = engine::Status::kOverrun;
      break;
    case engine::v1::STATUS_INVALID:
      outcome.status = engine::Status::kInvalid;
      break;
    case engine::v1::STATUS_VALID:
      outcome.status = engine::Status::kValid;
      break;
    case engine::v1::STATUS_INTERESTING:
      outcome.status = engine::Status::kInteresting;
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("run result has no valid status (", wire.status(), ")"));
  }
  if (static_cast<uint32_t>(wire.choices_size()) > max_choices) {
    return absl::InvalidArgumentError(
        absl::StrCat("run result has ", wire.choices_size(),
                     " choices; the directive allowed ", max_choices));
  }
  for (int i = 0; i < wire.choices_size(); ++i) {
    absl::StatusOr<engine::Choice> choice = engine::FromProto(wire.choices(i));
    if (!choice.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("choice ", i, ": ", choice.status().message()));
    }
    outcome.choices.push_back(*std::move(choice));
  }
  for (const engine::v1::Span& span : wire.spans()) {
    if (span.start() > span.end() || span.end() > outcome.choices.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "span [", span.start(), ", ", span.end(), ") is outside the ",
          outcome.choices.size(), " choices"));
    }
    outcome.spans.push_back(
        engine::Span{span.start(), span.end(), span.label(), span.depth()});
  }
  outcome.origin = wire.origin();
  outcome.message = wire.message();
  for (const engine::v1::Target& target : wire.targets()) {
    outcome.targets.push_back(engine::Target{target.label(), target.score()});
  }
  return outcome;
}

engine::v1::TestReport ToWire(const engine::Report& report) {
  engine::v1::TestReport wire;
  wire.set_passed(report.passed);
  for (const engine::Failure& failure : report.failures) {
    engine::v1::Failure* out = wire.add_failures();
    out->set_origin(failure.origin);
    out->set_message(failure.message);
    out->set_flaky(failure.flaky);
    for (const engine::Choice& choice : failure.choices) {
      *out->add_choices() = engine::ToProto(choice);
    }
  }
  wire.set_seed(report.seed);
  wire.set_calls(report.calls);
  wire.set_valid(report.valid);
  wire.set_invalid(report.invalid);
  wire.set_shrink_calls(report.shrink_calls);
  wire.set_shrink_stop_reason(report.shrink_stop_reason);
  for (const std::string& failure : report.health_check_failures) {
    wire.add_health_check_failures(failure);
  }
  for (const std::string& problem : report.database_problems) {
    wire.add_database_problems(problem);
  }
  return wire;
}

}  // namespace lockstep::server
