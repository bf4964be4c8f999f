#include "server_bridge/server/crash_record.h"

#include <string.h>

#include "absl/strings/str_cat.h"
#include "server_bridge/engine/example_database.h"

namespace lockstep::server {

std::optional<protocol::Directive> DirectivesInFlight::Case(
    const protocol::CaseInFlight& running) const {
  auto sent = sent_.find(running.directive_id);
  if (sent == sent_.end()) return std::nullopt;
  protocol::Directive directive = sent->second;
  if (directive.batch_size == 0) return directive;
  if (running.case_index >= directive.batch_size) return std::nullopt;
  protocol::BatchSeeds seeds(directive.seed);
  uint64_t seed = seeds.Next();
  for (uint32_t i = 0; i < running.case_index; ++i) seed = seeds.Next();
  protocol::Directive one;
  one.phase = protocol::Phase::kGenerate;
  one.seed = seed;
  one.random_tail = true;
  one.max_choices = directive.max_choices;
  // The case's size and, in a steered batch, its prefix: the seed alone
  // draws another case.
  one.size_cycle = directive.size_cycle;
  one.case_index = directive.case_index + running.case_index;
  if (running.case_index < directive.case_prefixes.size())
    one.prefix = directive.case_prefixes[running.case_index];
  return one;
}

std::string ClientDeathMessage(int signal) {
  if (signal == 0) {
    return "the test process ended while this case ran (exit, or a signal "
           "it could not catch)";
  }
  if (signal == protocol::kSanitizerDeath) {
    return "the test process died of a sanitizer's report while this case "
           "ran";
  }
  const char* abbreviation = sigabbrev_np(signal);
  return absl::StrCat("the test process died with ",
                      abbreviation != nullptr
                          ? absl::StrCat("SIG", abbreviation)
                          : absl::StrCat("signal ", signal),
                      " while this case ran");
}

std::string RecordCrashIfRunning(const std::string& name,
                                 const engine::Settings& settings,
                                 const CaseWatch& watch,
                                 const DirectivesInFlight& in_flight) {
  if (watch.page == nullptr || watch.slot == 0) return "";
  std::optional<protocol::CaseInFlight> running =
      watch.page->Running(watch.slot);
  if (!running) return "";
  std::optional<protocol::Directive> crashed = in_flight.Case(*running);
  if (!crashed) return "";
  std::string message = ClientDeathMessage(watch.page->FatalSignal());
  if (settings.database.empty()) {
    return absl::StrCat(message, "; no database to record it in");
  }
  engine::ExampleDatabase database(settings.database);
  absl::Status saved = database.SaveCrashRecord(name, *crashed, message);
  if (!saved.ok()) {
    return absl::StrCat(message, "; cannot record it: ", saved.message());
  }
  return absl::StrCat(message, "; recorded the case (directive ",
                      running->directive_id, ", case ", running->case_index,
                      ", seed ", crashed->seed, ") in ", settings.database);
}

}  // namespace lockstep::server
