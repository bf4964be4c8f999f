// Tests for the cache daemon's configuration loader.

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>

namespace cached {

struct DaemonConfig {
  int worker_threads = 4;
  std::string data_dir = "/var/lib/cached";
  bool compression = false;
};

DaemonConfig LoadConfig(const std::map<std::string, std::string>& file_values) {
  DaemonConfig config;
  auto it = file_values.find("worker_threads");
  if (it != file_values.end()) config.worker_threads = std::stoi(it->second);
  it = file_values.find("data_dir");
  if (it != file_values.end()) config.data_dir = it->second;
  if (const char* env = std::getenv("CACHED_WORKER_THREADS")) {
    config.worker_threads = std::atoi(env);
  }
  if (const char* env = std::getenv("CACHED_COMPRESSION")) {
    config.compression = std::string(env) == "1";
  }
  return config;
}

namespace {

TEST(LoadConfigTest, FileValuesApply) {
  DaemonConfig config = LoadConfig({{"worker_threads", "8"}, {"data_dir", "data"}});
  EXPECT_EQ(config.worker_threads, 8);
  EXPECT_EQ(config.data_dir, "data");
}

TEST(LoadConfigTest, EnvironmentOverridesFile) {
  setenv("CACHED_WORKER_THREADS", "32", /*overwrite=*/1);  // EXPECT: concurrency-process-global-in-test
  DaemonConfig config = LoadConfig({{"worker_threads", "8"}});
  EXPECT_EQ(config.worker_threads, 32);
  unsetenv("CACHED_WORKER_THREADS");  // EXPECT: concurrency-process-global-in-test
}

TEST(LoadConfigTest, CompressionDefaultsOff) {
  DaemonConfig config = LoadConfig({});
  EXPECT_FALSE(config.compression);
}

}  // namespace
}  // namespace cached
