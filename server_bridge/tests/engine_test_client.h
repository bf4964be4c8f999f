// A small client for testing lockstep-engine end to end, packet by packet:
// the client's own transport (client::EngineProcess, client::PacketStream)
// with the packets filed by channel in arrival order, so a test can send
// anything, malformed or out of order, and see every answer.
#ifndef LOCKSTEP_SERVER_BRIDGE_TESTS_ENGINE_TEST_CLIENT_H_
#define LOCKSTEP_SERVER_BRIDGE_TESTS_ENGINE_TEST_CLIENT_H_

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "client/packet_stream.h"
#include "grpcpp/grpcpp.h"
#include "server_bridge/proto/engine.grpc.pb.h"
#include "server_bridge/protocol/case_runner.h"

namespace lockstep::server::testing {

using engine::v1::Packet;

// Runs gRPC over the client's end of a started engine's socketpair.
std::shared_ptr<grpc::Channel> ChannelToEngine(int client_fd);

// One Connect stream; every packet it receives is kept, by test channel.
class EngineTestClient {
 public:
  explicit EngineTestClient(std::shared_ptr<grpc::Channel> grpc_channel);

  // Sends `packet` as it is (a message id is added when it has none).
  void Send(Packet packet);
  // The next packet on test channel `channel` (0: control), waiting up to
  // `timeout`; nullopt when none came.
  std::optional<Packet> Receive(uint32_t channel,
                                absl::Duration timeout = absl::Seconds(30))
      ABSL_LOCKS_EXCLUDED(mu_);

  // Says hello; the engine's answer (welcome or error).
  std::optional<Packet> Hello(uint32_t min_version, uint32_t max_version);

  // Runs a whole test: starts it, answers each directive by running `body`
  // (a generation batch as protocol::RunBatch does) and closes the channel
  // after the report. The report, or nullopt on a protocol failure.
  // `directives`, if given, counts the directives answered.
  std::optional<engine::v1::TestReport> RunTest(
      const std::string& name, const engine::v1::Settings& settings,
      const protocol::CaseBody& body, int* directives = nullptr)
      ABSL_LOCKS_EXCLUDED(mu_);

  // Ends the stream from the client side.
  void Finish() { stream_->WritesDone(); }

 private:
  // The reply to control message `message_id`, waiting up to `timeout`.
  std::optional<Packet> AwaitControlReply(uint64_t message_id,
                                          absl::Duration timeout)
      ABSL_LOCKS_EXCLUDED(mu_);

  absl::Mutex mu_;
  absl::CondVar arrived_;  // signalled with mu_ held when a box below changes
  std::map<uint32_t, std::deque<Packet>> inbox_ ABSL_GUARDED_BY(mu_);
  bool stream_ended_ ABSL_GUARDED_BY(mu_) = false;
  // Declared last so that it is destroyed first: its reader fills inbox_.
  std::unique_ptr<client::PacketStream> stream_;
};

}  // namespace lockstep::server::testing

#endif  // LOCKSTEP_SERVER_BRIDGE_TESTS_ENGINE_TEST_CLIENT_H_
