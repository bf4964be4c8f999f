// Tests of the metrics exporter's gRPC endpoint. Servers listen on a port
// the kernel picks (or on a unix socket), signals are blocked only for the
// test's own helper thread, and number formatting uses a stream-local
// locale.

#include <pthread.h>
#include <signal.h>

#include <locale>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

namespace exporter {

std::string FormatGauge(std::ostream& out, double value);

class ExporterEndpointTest : public ::testing::Test {
 protected:
  void StartServer(const std::string& address) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort(address, grpc::InsecureServerCredentials(), &selected_port_);
    builder.RegisterAsyncGenericService(&service_);
    cq_ = builder.AddCompletionQueue();
    server_ = builder.BuildAndStart();
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
    if (cq_ != nullptr) {
      cq_->Shutdown();
      void* tag;
      bool ok;
      while (cq_->Next(&tag, &ok)) {
      }
    }
  }

  int selected_port_ = 0;
  grpc::AsyncGenericService service_;
  std::unique_ptr<grpc::ServerCompletionQueue> cq_;
  std::unique_ptr<grpc::Server> server_;
};

TEST_F(ExporterEndpointTest, PicksAFreePort) {
  StartServer("localhost:0");
  EXPECT_GT(selected_port_, 0);
}

TEST_F(ExporterEndpointTest, ListensOnUnixSocket) {
  StartServer("unix:" + ::testing::TempDir() + "exporter_endpoint_test.sock");
  EXPECT_NE(server_, nullptr);
}

TEST(ExporterFormatTest, GaugeUsesClassicDecimalPoint) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  EXPECT_EQ(FormatGauge(out, 1.5), "1.5");
}

TEST(ExporterSignalTest, HelperThreadBlocksSigpipe) {
  bool blocked = false;
  std::thread helper([&blocked] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    blocked = pthread_sigmask(SIG_BLOCK, &set, nullptr) == 0;
  });
  helper.join();
  EXPECT_TRUE(blocked);
}

}  // namespace exporter
