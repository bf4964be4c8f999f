#include "server_bridge/server/test_worker.h"

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server_bridge/protocol/wire.h"
#include "server_bridge/server/log.h"
#include "server_bridge/server/wire_conversion.h"

namespace lockstep::server {
namespace {

// Ends the engine's run from inside the test function.
struct TestAborted {
  std::string reason;
};

// What the worker keeps about its test's directives. Owned by the worker
// thread.
struct WorkerState {
  // Every directive goes out isolated: the test asked for it, or a case
  // crashed in isolation (a crash record's replay), so that shrinking and
  // the cases after it cannot crash the client.
  bool isolate = false;
  DirectivesInFlight in_flight;

  void Saw(const protocol::Outcome& outcome) {
    if (outcome.status == protocol::Status::kInteresting &&
        absl::StartsWith(outcome.origin, protocol::kCrashOriginPrefix)) {
      isolate = true;
    }
  }
};

// Generation batches over the channel: each started batch is a directive
// sent at once; Finish waits for the oldest one's answer. Owned by the test's
// worker thread, which runs the engine that calls it.
class ChannelBatchRunner : public engine::BatchRunner {
 public:
  ChannelBatchRunner(TestChannel* channel, WorkerState* state,
                     std::function<void(const absl::Status&)> refuse)
      : channel_(channel), state_(state), refuse_(std::move(refuse)) {}

  void Start(const protocol::Directive& batch) override {
    protocol::Directive sent = batch;
    sent.isolate = sent.isolate || state_->isolate;
    absl::StatusOr<uint64_t> id = channel_->Send(protocol::ToWire(sent));
    if (!id.ok()) throw TestAborted{std::string(id.status().message())};
    state_->in_flight.Sent(*id, sent);
    started_.push_back(Started{*id, batch.batch_size, batch.max_choices});
  }

  std::vector<protocol::Outcome> Finish() override {
    Started oldest = started_.front();
    started_.pop_front();
    absl::StatusOr<engine::v1::RunResult> result = channel_->Await(oldest.id);
    if (!result.ok()) throw TestAborted{std::string(result.status().message())};
    state_->in_flight.Answered(oldest.id);
    absl::StatusOr<std::vector<protocol::Outcome>> outcomes =
        protocol::BatchFromWire(*result, oldest.batch_size, oldest.max_choices);
    if (!outcomes.ok()) refuse_(outcomes.status());
    for (const protocol::Outcome& outcome : *outcomes) state_->Saw(outcome);
    return *std::move(outcomes);
  }

 private:
  struct Started {
    uint64_t id;
    uint32_t batch_size;
    uint32_t max_choices;
  };
  TestChannel* const channel_;
  WorkerState* const state_;
  // Reports a malformed answer to the client and aborts the test (throws).
  const std::function<void(const absl::Status&)> refuse_;
  std::deque<Started> started_;
};

}  // namespace

void RunTestWorker(const std::string& name, const engine::Settings& settings,
                   const std::shared_ptr<TestChannel>& channel,
                   PacketWriter* writer, bool batches_allowed,
                   CaseWatch watch) {
  WorkerState state;
  state.isolate = settings.isolate;
  // Answers the client's malformed result with invalid_choice and aborts.
  auto refuse = [&](const absl::Status& status) {
    Packet error;
    error.set_channel(channel->id());
    error.mutable_error()->set_code("invalid_choice");
    error.mutable_error()->set_message(std::string(status.message()));
    writer->Write(std::move(error));
    throw TestAborted{absl::StrCat("malformed run result: ", status.message())};
  };
  auto run = [&](const protocol::Directive& directive) {
    absl::StatusOr<uint64_t> id = channel->Send(protocol::ToWire(directive));
    if (!id.ok()) throw TestAborted{std::string(id.status().message())};
    state.in_flight.Sent(*id, directive);
    absl::StatusOr<engine::v1::RunResult> result = channel->Await(*id);
    if (!result.ok()) throw TestAborted{std::string(result.status().message())};
    state.in_flight.Answered(*id);
    return *std::move(result);
  };
  engine::TestFunction test = [&](const protocol::Directive& directive) {
    protocol::Directive sent = directive;
    sent.isolate = sent.isolate || state.isolate;
    absl::StatusOr<protocol::Outcome> outcome =
        protocol::OutcomeFromWire(run(sent), directive.max_choices);
    if (!outcome.ok()) refuse(outcome.status());
    state.Saw(*outcome);
    return *std::move(outcome);
  };
  std::unique_ptr<engine::BatchRunner> batches;
  if (batches_allowed) {
    batches =
        std::make_unique<ChannelBatchRunner>(channel.get(), &state, refuse);
  }

  Packet packet;
  packet.set_channel(channel->id());
  try {
    engine::Report report =
        engine::Engine(name, settings, test, std::move(batches)).Run();
    *packet.mutable_test_report() = ToWire(report);
    std::string shrinking;
    if (report.shrink_calls > 0) {
      shrinking = absl::StrCat("; ", report.shrink_calls, " shrink calls (",
                               absl::StrJoin(report.shrink_calls_by_pass, ", ",
                                             absl::PairFormatter(" ")),
                               "), ", report.shrink_stop_reason);
    }
    Log(absl::StrCat("test '", name, "' on channel ", channel->id(), ": ",
                     report.passed ? "passed" : "failed", ", ", report.calls,
                     " calls", shrinking));
  } catch (const TestAborted& aborted) {
    packet.mutable_test_report()->set_error(aborted.reason);
    Log(absl::StrCat("test '", name, "' on channel ", channel->id(),
                     " aborted: ", aborted.reason));
    // Did the client die running one of our cases? Then keep that case.
    std::string crash =
        RecordCrashIfRunning(name, settings, watch, state.in_flight);
    if (!crash.empty()) {
      Log(absl::StrCat("test '", name, "' on channel ", channel->id(), ": ",
                       crash));
    }
  }
  writer->Write(std::move(packet));
}

}  // namespace lockstep::server
