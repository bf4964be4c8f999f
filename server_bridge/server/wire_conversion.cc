#include "server_bridge/server/wire_conversion.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server_bridge/protocol/choice_proto.h"
#include "server_bridge/protocol/defaults.h"

namespace lockstep::server {

engine::Settings FromWire(const engine::v1::Settings& wire) {
  engine::Settings settings;
  if (wire.test_cases() > 0) settings.test_cases = wire.test_cases();
  if (wire.has_seed()) settings.seed = wire.seed();
  settings.derandomize = wire.derandomize();
  if (!wire.no_database()) {
    settings.database =
        wire.database().empty() ? protocol::kDefaultDatabase : wire.database();
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
  settings.isolate = wire.isolate();
  if (wire.size_cycle() > 0) settings.size_cycle = wire.size_cycle();
  return settings;
}

engine::v1::TestReport ToWire(const engine::Report& report) {
  engine::v1::TestReport wire;
  wire.set_passed(report.passed);
  for (const engine::Failure& failure : report.failures) {
    engine::v1::Failure* out = wire.add_failures();
    out->set_id(failure.id);
    out->set_origin(failure.origin);
    out->set_message(failure.message);
    out->set_flaky(failure.flaky);
    for (const protocol::Choice& choice : failure.choices) {
      *out->add_choices() = protocol::ToProto(choice);
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
  // Version 3: the statistics a client prints.
  wire.set_overruns(report.overruns);
  wire.set_repeats(report.repeats);
  wire.set_replayed(report.replayed);
  wire.set_stop_reason(report.stop_reason);
  return wire;
}

}  // namespace lockstep::server
