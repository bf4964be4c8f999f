#include "server_bridge/server/test_worker.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server_bridge/server/log.h"
#include "server_bridge/server/wire_conversion.h"
#include "server_bridge/wire/run_conversion.h"

namespace lockstep::server {
namespace {

// Ends the engine's run from inside the test function.
struct TestAborted {
  std::string reason;
};

}  // namespace

void RunTestWorker(const std::string& name, const engine::Settings& settings,
                   const std::shared_ptr<TestChannel>& channel,
                   PacketWriter* writer, bool batches) {
  // Answers the client's malformed result with invalid_choice and aborts.
  auto refuse = [&](const absl::Status& status) {
    Packet error;
    error.set_channel(channel->id());
    error.mutable_error()->set_code("invalid_choice");
    error.mutable_error()->set_message(std::string(status.message()));
    writer->Write(std::move(error));
    throw TestAborted{absl::StrCat("malformed run result: ", status.message())};
  };
  auto run = [&](const engine::Directive& directive) {
    absl::StatusOr<engine::v1::RunResult> result =
        channel->Run(wire::ToWire(directive));
    if (!result.ok()) throw TestAborted{std::string(result.status().message())};
    return *std::move(result);
  };
  engine::TestFunction test = [&](const engine::Directive& directive) {
    absl::StatusOr<engine::Outcome> outcome =
        wire::OutcomeFromWire(run(directive), directive.max_choices);
    if (!outcome.ok()) refuse(outcome.status());
    return *std::move(outcome);
  };
  engine::BatchFunction batch;
  if (batches) {
    batch = [&](const engine::Directive& directive) {
      absl::StatusOr<std::vector<engine::Outcome>> outcomes =
          wire::BatchFromWire(run(directive), directive.batch_size,
                              directive.max_choices);
      if (!outcomes.ok()) refuse(outcomes.status());
      return *std::move(outcomes);
    };
  }

  Packet packet;
  packet.set_channel(channel->id());
  try {
    engine::Report report = engine::Engine(name, settings, test, batch).Run();
    *packet.mutable_test_report() = ToWire(report);
    Log(absl::StrCat("test '", name, "' on channel ", channel->id(), ": ",
                     report.passed ? "passed" : "failed", ", ", report.calls,
                     " calls"));
  } catch (const TestAborted& aborted) {
    packet.mutable_test_report()->set_error(aborted.reason);
    Log(absl::StrCat("test '", name, "' on channel ", channel->id(),
                     " aborted: ", aborted.reason));
  }
  writer->Write(std::move(packet));
}

}  // namespace lockstep::server
