// A small client for testing lockstep-engine end to end: starts the real
// binary on one end of a socketpair, speaks the protocol over gRPC, and runs
// property bodies (ChoiceSource) for the engine's directives.
#ifndef LOCKSTEP_SERVER_BRIDGE_TESTS_ENGINE_TEST_CLIENT_H_
#define LOCKSTEP_SERVER_BRIDGE_TESTS_ENGINE_TEST_CLIENT_H_

#include <sys/types.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "server_bridge/proto/engine.grpc.pb.h"
#include "server_bridge/protocol/choice_source.h"

namespace lockstep::server::testing {

using engine::v1::Packet;

// The engine subprocess.
class EngineProcess {
 public:
  // Starts `binary --fd=3` with the engine's end of a socketpair as fd 3 and
  // its stderr appended to `log_path`.
  static absl::StatusOr<std::unique_ptr<EngineProcess>> Start(
      const std::string& binary, const std::string& log_path);
  ~EngineProcess();

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  // Waits up to `timeout` for the process to exit; its exit status, or
  // nullopt if it is still running.
  std::optional<int> WaitForExit(absl::Duration timeout);

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  std::shared_ptr<grpc::Channel> channel_;
};

// One Connect stream. A reader thread files incoming packets by channel.
class EngineTestClient {
 public:
  explicit EngineTestClient(std::shared_ptr<grpc::Channel> channel);
  ~EngineTestClient();

  void Send(Packet packet);
  // The next packet on `channel`, waiting up to `timeout`.
  std::optional<Packet> Receive(uint32_t channel,
                                absl::Duration timeout = absl::Seconds(30));

  // Says hello; the engine's answer (welcome or error).
  std::optional<Packet> Hello(uint32_t min_version, uint32_t max_version);

  // Runs a whole test: starts it, answers each directive by running `body`,
  // (a generation batch by running it for each case) and closes the channel
  // after the report. The report, or nullopt on a protocol failure.
  // `directives`, if given, counts the directives answered.
  std::optional<engine::v1::TestReport> RunTest(
      const std::string& name, const engine::v1::Settings& settings,
      const std::function<void(protocol::ChoiceSource&)>& body,
      int* directives = nullptr);

  // Ends the stream from the client side.
  void Finish();

 private:
  void ReadLoop();

  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReaderWriter<Packet, Packet>> stream_;
  absl::Mutex write_mu_;  // serializes Write() and WritesDone()
  bool writes_done_ ABSL_GUARDED_BY(write_mu_) = false;
  uint64_t next_id_ ABSL_GUARDED_BY(write_mu_) = 1;
  absl::Mutex mu_;
  std::map<uint32_t, std::deque<Packet>> inbox_ ABSL_GUARDED_BY(mu_);
  bool stream_ended_ ABSL_GUARDED_BY(mu_) = false;
  absl::CondVar arrived_;  // signalled with mu_ held when inbox_ grows
  std::thread reader_;     // the only caller of stream_->Read(); joined by
                           // ~EngineTestClient
};

}  // namespace lockstep::server::testing

#endif  // LOCKSTEP_SERVER_BRIDGE_TESTS_ENGINE_TEST_CLIENT_H_
