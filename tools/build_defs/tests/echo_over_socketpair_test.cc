// Sends real messages through generated gRPC stubs over a socketpair, the same
// transport lockstep's client and engine use (no port, no socket path).
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "grpcpp/create_channel_posix.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/server_posix.h"
#include "gtest/gtest.h"
#include "tools/build_defs/tests/echo.grpc.pb.h"

namespace lockstep::build_defs::test {
namespace {

class EchoService final : public Echo::Service {
 public:
  grpc::Status Say(grpc::ServerContext* /*context*/, const EchoRequest* request,
                   EchoReply* reply) override {
    if (request->repeat() < 0) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "repeat must not be negative");
    }
    std::string text;
    for (int i = 0; i < request->repeat(); ++i) text += request->text();
    reply->set_text(text);
    return grpc::Status::OK;
  }
};

class EchoOverSocketpairTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int fds[2];
    // gRPC's server transport reads until EAGAIN, so its end must be
    // non-blocking; the client channel sets that on its own end itself.
    ASSERT_EQ(
        socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds),
        0);
    grpc::ServerBuilder builder;
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    // gRPC takes ownership of both descriptors.
    grpc::AddInsecureChannelFromFd(server_.get(), fds[0]);
    channel_ = grpc::CreateInsecureChannelFromFd("echo", fds[1]);
    stub_ = Echo::NewStub(channel_);
  }

  void TearDown() override {
    stub_.reset();
    channel_.reset();
    if (server_ != nullptr) server_->Shutdown();
  }

  EchoService service_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Echo::Stub> stub_;
};

TEST_F(EchoOverSocketpairTest, RepliesWithRepeatedText) {
  EchoRequest request;
  request.set_text("ab");
  request.set_repeat(3);
  EchoReply reply;
  grpc::ClientContext context;
  grpc::Status status = stub_->Say(&context, request, &reply);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(reply.text(), "ababab");
}

TEST_F(EchoOverSocketpairTest, ServerErrorsReachTheClient) {
  EchoRequest request;
  request.set_text("x");
  request.set_repeat(-1);
  EchoReply reply;
  grpc::ClientContext context;
  grpc::Status status = stub_->Say(&context, request, &reply);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "repeat must not be negative");
}

TEST_F(EchoOverSocketpairTest, ManyCallsShareOneConnection) {
  for (int i = 0; i < 50; ++i) {
    EchoRequest request;
    request.set_text(std::to_string(i));
    request.set_repeat(1);
    EchoReply reply;
    grpc::ClientContext context;
    ASSERT_TRUE(stub_->Say(&context, request, &reply).ok());
    EXPECT_EQ(reply.text(), std::to_string(i));
  }
}

}  // namespace
}  // namespace lockstep::build_defs::test
