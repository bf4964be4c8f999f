// Parameterized tests for the feature-flag gRPC service.
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace flags {

struct FlagCase {
  const char* name;
  const char* env_var;
  bool expected_default;
};

bool DefaultFromEnvironment(const FlagCase& c) {
  const char* v = std::getenv(c.env_var);
  return v == nullptr ? c.expected_default : std::string(v) == "1";
}

bool WriteStateFile(const std::string& path, bool value);

class FeatureFlagServiceTest : public ::testing::TestWithParam<FlagCase> {};

TEST_P(FeatureFlagServiceTest, DefaultsWithoutEnvironment) {
  const FlagCase& c = GetParam();
  auto clear = [&c] { unsetenv(c.env_var); };  // EXPECT: concurrency-process-global-in-test
  clear();
  EXPECT_EQ(DefaultFromEnvironment(c), c.expected_default);
}

TEST_P(FeatureFlagServiceTest, ServesOverGrpc) {
  const std::string state_file = std::string("/var/tmp/flag-state-") + GetParam().name;  // EXPECT: concurrency-process-global-in-test
  ASSERT_TRUE(WriteStateFile(state_file, GetParam().expected_default));
  grpc::ServerBuilder builder;
  builder.AddListeningPort("localhost:50051", grpc::InsecureServerCredentials());  // EXPECT: concurrency-process-global-in-test
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  server->Shutdown();
}

INSTANTIATE_TEST_SUITE_P(AllFlags, FeatureFlagServiceTest,
                         ::testing::Values(FlagCase{"fast_path", "FF_FAST_PATH", true},
                                           FlagCase{"new_codec", "FF_NEW_CODEC", false}));

}  // namespace flags
