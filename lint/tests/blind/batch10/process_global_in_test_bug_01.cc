// Tests for the worker configuration loader: the file, the environment
// overrides and the defaults.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "gtest.h"

namespace workers {

struct WorkerConfig {
  int threads = 4;
  int queue_depth = 128;
  std::string spool_dir = "spool";
};

std::optional<WorkerConfig> LoadConfigFile(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot open " + path;
    return std::nullopt;
  }
  WorkerConfig c;
  std::string key;
  while (in >> key) {
    if (key == "threads") in >> c.threads;
    else if (key == "queue_depth") in >> c.queue_depth;
    else if (key == "spool_dir") in >> c.spool_dir;
  }
  if (const char* env = std::getenv("WORKER_THREADS")) c.threads = std::atoi(env);
  return c;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

TEST(WorkerConfigTest, EnvironmentOverridesTheFile) {
  setenv("WORKER_THREADS", "16", 1);  // EXPECT: concurrency-process-global-in-test
  const std::string path = "/tmp/worker_config_test.conf";  // EXPECT: concurrency-process-global-in-test
  WriteFile(path, "threads 8\nqueue_depth 64\n");
  std::string error;
  std::optional<WorkerConfig> config = LoadConfigFile(path, &error);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->threads, 16);
  EXPECT_EQ(config->queue_depth, 64);
  unsetenv("WORKER_THREADS");  // EXPECT: concurrency-process-global-in-test
}

TEST(WorkerConfigTest, MissingFileIsAnError) {
  std::string error;
  std::optional<WorkerConfig> config =
      LoadConfigFile(::testing::TempDir() + "worker_config_test.missing", &error);
  EXPECT_FALSE(config.has_value());
  EXPECT_FALSE(error.empty());
}

TEST(WorkerConfigTest, DefaultsWhenKeysAbsent) {
  const std::string path = ::testing::TempDir() + "worker_config_test.empty";
  WriteFile(path, "\n");
  std::string error;
  std::optional<WorkerConfig> config = LoadConfigFile(path, &error);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->queue_depth, 128);
  EXPECT_EQ(config->spool_dir, std::string("spool"));
  std::remove(path.c_str());
}


TEST(WorkerConfigTest, SpoolDirFromTheFile) {
  const std::string path = ::testing::TempDir() + "worker_config_test.spool";
  WriteFile(path, "spool_dir /srv/spool\n");
  std::string error;
  std::optional<WorkerConfig> config = LoadConfigFile(path, &error);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->spool_dir, std::string("/srv/spool"));
}

}  // namespace workers
