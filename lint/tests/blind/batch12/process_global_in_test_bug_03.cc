// End-to-end tests of the echo service over a real gRPC server.

#include <csignal>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

namespace echo {

class EchoServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Writes to a peer that went away must fail with EPIPE, not kill the test.
    signal(SIGPIPE, SIG_IGN);  // EXPECT: concurrency-process-global-in-test
  }

  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("localhost:50051", grpc::InsecureServerCredentials());  // EXPECT: concurrency-process-global-in-test
    builder.RegisterAsyncGenericService(&service_);
    cq_ = builder.AddCompletionQueue();
    server_ = builder.BuildAndStart();
  }

  void TearDown() override {
    server_->Shutdown();
    cq_->Shutdown();
    void* tag;
    bool ok;
    while (cq_->Next(&tag, &ok)) {
    }
  }

  grpc::AsyncGenericService service_;
  std::unique_ptr<grpc::ServerCompletionQueue> cq_;
  std::unique_ptr<grpc::Server> server_;
};

TEST_F(EchoServiceTest, ServerStarts) {
  ASSERT_NE(server_, nullptr);
}

// Sends one raw generic call and waits for its status.
static grpc::Status CallEcho(const std::shared_ptr<grpc::Channel>& channel, const std::string& payload) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  grpc::CompletionQueue cq;
  auto call = stub.PrepareUnaryCall(&ctx, "/echo.Echo/Say", grpc::ByteBuffer(), &cq);
  (void)payload;
  call->StartCall();
  grpc::ByteBuffer reply;
  grpc::Status status;
  call->Finish(&reply, &status, reinterpret_cast<void*>(1));
  void* tag;
  bool ok;
  cq.Next(&tag, &ok);
  return status;
}

TEST_F(EchoServiceTest, UnhandledMethodTimesOut) {
  auto channel = grpc::CreateChannel("localhost:50051", grpc::InsecureChannelCredentials());
  const grpc::Status status = CallEcho(channel, "hello");
  EXPECT_FALSE(status.ok());
}

TEST_F(EchoServiceTest, ChannelConnects) {
  auto channel = grpc::CreateChannel("localhost:50051", grpc::InsecureChannelCredentials());
  EXPECT_TRUE(channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(5)));
}

}  // namespace echo
