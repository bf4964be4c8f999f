// Tests of the health-check client against an in-process gRPC server. The
// fixture runs the server's completion-queue poller on a thread it starts
// in SetUp() and joins in TearDown().

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

namespace health {

class HealthClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("localhost:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterAsyncGenericService(&service_);
    cq_ = builder.AddCompletionQueue();
    server_ = builder.BuildAndStart();
    poller_ = std::thread([this] {
      void* tag;
      bool ok;
      while (cq_->Next(&tag, &ok)) {
        events_.fetch_add(1);
      }
    });
  }

  void TearDown() override {
    server_->Shutdown();
    cq_->Shutdown();
    poller_.join();
  }

  int port_ = 0;
  grpc::AsyncGenericService service_;
  std::unique_ptr<grpc::ServerCompletionQueue> cq_;
  std::unique_ptr<grpc::Server> server_;
  std::thread poller_;
  std::atomic<int> events_{0};
};

TEST_F(HealthClientTest, ConnectsToSelectedPort) {
  ASSERT_GT(port_, 0);
  auto channel = grpc::CreateChannel("localhost:" + std::to_string(port_),
                                     grpc::InsecureChannelCredentials());
  EXPECT_TRUE(channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(5)));
}

// A watchdog that lives for the whole test binary; it stops when the flag
// is cleared by the last test.
std::atomic<bool> g_watchdog_running{true};

TEST(HealthWatchdogTest, DetachedWatchdogStopsOnFlag) {
  std::thread([] {
    while (g_watchdog_running.load()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }).detach();
  g_watchdog_running.store(false);
  SUCCEED();
}

}  // namespace health
