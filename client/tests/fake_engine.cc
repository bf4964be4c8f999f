// A deliberately misbehaving engine for the client's reliability tests. It
// serves the real protocol on --fd=3 but breaks it in the way its program
// name ends with:
//   ...-wrong_version     refuses every client's version
//   ...-malformed         sends a directive whose choices are invalid
//   ...-unknown_channel   sends the test's directives on a channel never opened
//   ...-silent            starts the test, then says nothing
//   ...-no_body           sends a packet with no body on the test's channel
#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "absl/synchronization/notification.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/server_posix.h"
#include "server_bridge/proto/engine.grpc.pb.h"

namespace {

using lockstep::engine::v1::Packet;

class FakeEngine final : public lockstep::engine::v1::Engine::Service {
 public:
  explicit FakeEngine(std::string mode) : mode_(std::move(mode)) {}

  grpc::Status Connect(
      grpc::ServerContext*,
      grpc::ServerReaderWriter<Packet, Packet>* stream) override {
    Packet in;
    uint64_t id = 1;
    while (stream->Read(&in)) {
      Packet out;
      out.set_message_id(id++);
      out.set_reply_to(in.message_id());
      if (in.has_hello()) {
        if (mode_ == "wrong_version") {
          out.mutable_error()->set_code("version_mismatch");
          out.mutable_error()->set_message(
              "this engine speaks protocol versions 7 to 7");
        } else {
          out.mutable_welcome()->set_version(4);
        }
        stream->Write(out);
      } else if (in.has_start_test()) {
        out.mutable_test_started()->set_channel(1);
        stream->Write(out);
        Packet next;
        next.set_message_id(id++);
        next.set_channel(1);
        if (mode_ == "malformed") {
          next.mutable_directive()->add_prefix()->mutable_integer()->set_value(
              50);
          next.mutable_directive()
              ->mutable_prefix(0)
              ->mutable_integer()
              ->set_max(10);
          stream->Write(next);
        } else if (mode_ == "unknown_channel") {
          next.set_channel(7);
          next.mutable_directive();
          stream->Write(next);
        } else if (mode_ == "no_body") {
          stream->Write(next);
        }
        // silent: nothing more.
      }
    }
    return grpc::Status::OK;
  }

 private:
  const std::string mode_;
};

}  // namespace

int main(int, char** argv) {
  std::string name = argv[0];
  std::string mode = name.substr(name.rfind('-') + 1);
  FakeEngine service(mode);
  grpc::ServerBuilder builder;
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  fcntl(3, F_SETFL, fcntl(3, F_GETFL) | O_NONBLOCK);
  grpc::AddInsecureChannelFromFd(server.get(), 3);
  server->Wait();
  return 0;
}
