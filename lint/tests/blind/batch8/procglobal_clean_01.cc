// Tests for the config loader. Every test gets its own directory under the
// test's temporary directory, and environment overrides are passed in
// explicitly rather than through setenv().

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

namespace config {

struct Settings {
  int threads = 4;
  std::string cache_dir = "cache";
};

Settings Load(const std::string& path, const std::map<std::string, std::string>& env) {
  Settings s;
  std::ifstream in(path);
  std::string key;
  while (in >> key) {
    if (key == "threads") in >> s.threads;
    if (key == "cache_dir") in >> s.cache_dir;
  }
  auto it = env.find("APP_THREADS");
  if (it != env.end()) s.threads = std::stoi(it->second);
  return s;
}

}  // namespace config

class ConfigLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "config_loader_test.XXXXXX";
    ASSERT_NE(mkdtemp(&dir_[0]), nullptr);
  }

  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path) << contents;
    return path;
  }

  std::string dir_;
};

TEST_F(ConfigLoaderTest, ReadsThreads) {
  const std::string path = Write("app.conf", "threads 8\n");
  EXPECT_EQ(config::Load(path, {}).threads, 8);
}

TEST_F(ConfigLoaderTest, EnvironmentOverrideWins) {
  const std::string path = Write("app.conf", "threads 8\n");
  EXPECT_EQ(config::Load(path, {{"APP_THREADS", "16"}}).threads, 16);
}

TEST_F(ConfigLoaderTest, HonoursHomeFromEnvironmentWhenSet) {
  const char* home = getenv("HOME");
  if (home == nullptr) GTEST_SKIP() << "HOME not set";
  EXPECT_EQ(config::Load(Write("empty.conf", ""), {}).cache_dir, "cache");
}

TEST(ConfigScratchTest, UsesMkstempTemplate) {
  char name[] = "/tmp/config_scratch-XXXXXX";
  int fd = mkstemp(name);
  ASSERT_GE(fd, 0);
  close(fd);
  EXPECT_EQ(config::Load(name, {}).threads, 4);
  unlink(name);
}
