// Tests for the worker's config loader. GoogleTest runs these in one
// process (and `bazel test --runs_per_test` or sharding runs several
// processes at once), so what one test changes in the process, another sees.
#include "examples/config/config_loader.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace examples {
namespace {

TEST(ConfigLoaderTest, ParsesKeysAndSkipsComments) {
  std::string error;
  std::optional<WorkerConfig> config =
      ParseConfig("# worker\nendpoint=db:7000\n\nthreads=8\n", &error);
  ASSERT_TRUE(config.has_value()) << error;
  EXPECT_EQ(config->endpoint, "db:7000");
  EXPECT_EQ(config->threads, 8);
  EXPECT_EQ(config->flush_ms, 100);
}

TEST(ConfigLoaderTest, RejectsUnknownKeys) {
  std::string error;
  EXPECT_FALSE(ParseConfig("colour=blue\n", &error).has_value());
  EXPECT_EQ(error, "line 1: cannot use 'colour=blue'");
}

TEST(ConfigLoaderTest, LoadsAFileUnderTheTestsOwnDirectory) {
  // A name no other test or process uses: TempDir() is per test run, the
  // pid separates concurrent runs.
  std::string path = ::testing::TempDir() + "config_loader_test." +
                     std::to_string(getpid()) + ".conf";
  {
    std::ofstream out(path);
    out << "flush_ms=250\n";
  }
  std::string error;
  std::optional<WorkerConfig> config = LoadConfigFile(path, &error);
  ASSERT_TRUE(config.has_value()) << error;
  EXPECT_EQ(config->flush_ms, 250);
  std::remove(path.c_str());
}

TEST(ConfigLoaderTest, OverridesArePassedExplicitly) {
  WorkerConfig config = ApplyOverrides(WorkerConfig(), {{"threads", "2"}});
  EXPECT_EQ(config.threads, 2);
}

TEST(ConfigLoaderTest, EnvironmentOverridesTheFile) {
  // BUG: setenv (and the unsetenv below) changes the environment of the
  // whole test binary: any test or thread reading LOCKSTEP_WORKER_THREADS
  // meanwhile sees "16". Pass the overrides to ApplyOverrides() instead.
  setenv("LOCKSTEP_WORKER_THREADS", "16", 1);
  // BUG: a fixed path in the shared /tmp: two runs of this test at once
  // (--runs_per_test, two users, two checkouts) overwrite each other's file.
  const std::string path = "/tmp/worker.conf";
  {
    std::ofstream out(path);
    out << "threads=8\n";
  }
  std::string error;
  std::optional<WorkerConfig> config = LoadConfigFile(path, &error);
  ASSERT_TRUE(config.has_value()) << error;
  WorkerConfig merged = ApplyOverrides(*config, EnvironmentOverrides());
  EXPECT_EQ(merged.threads, 16);
  unsetenv("LOCKSTEP_WORKER_THREADS");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace examples
