// Tests for the cache daemon's configuration loader. Overrides are passed
// in explicitly; the environment is only read, never changed.

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>

namespace cached {

struct DaemonConfig {
  int worker_threads = 4;
  bool compression = false;
};

using Overrides = std::map<std::string, std::string>;

Overrides OverridesFromEnvironment() {
  Overrides out;
  if (const char* v = std::getenv("CACHED_WORKER_THREADS")) out["worker_threads"] = v;
  if (const char* v = std::getenv("CACHED_COMPRESSION")) out["compression"] = v;
  return out;
}

DaemonConfig LoadConfig(const Overrides& file_values, const Overrides& overrides) {
  DaemonConfig config;
  for (const Overrides* layer : {&file_values, &overrides}) {
    auto it = layer->find("worker_threads");
    if (it != layer->end()) config.worker_threads = std::stoi(it->second);
    it = layer->find("compression");
    if (it != layer->end()) config.compression = it->second == "1";
  }
  return config;
}

namespace {

TEST(LoadConfigTest, OverridesWinOverFile) {
  DaemonConfig config = LoadConfig({{"worker_threads", "8"}}, {{"worker_threads", "32"}});
  EXPECT_EQ(config.worker_threads, 32);
}

TEST(LoadConfigTest, EnvironmentIsOnlyRead) {
  const char* home = std::getenv("HOME");
  Overrides env = OverridesFromEnvironment();
  DaemonConfig config = LoadConfig({}, env);
  EXPECT_GE(config.worker_threads, 0);
  if (home != nullptr) EXPECT_NE(std::string(home), "");
}

}  // namespace
}  // namespace cached
