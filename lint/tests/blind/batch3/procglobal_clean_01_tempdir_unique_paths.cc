// Config loader tests that build every file name from testing::TempDir()
// plus the test name and pid, read fixtures through relative paths, and
// pass overrides explicitly instead of through the environment.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <string>

namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
  virtual void TestBody() = 0;
};
inline std::string TempDir() { return "./test_tmp/"; }
}  // namespace testing

#define TEST_F(fixture, name)                        \
  class fixture##_##name##_Test : public fixture {   \
   public:                                           \
    void TestBody() override;                        \
  };                                                 \
  void fixture##_##name##_Test::TestBody()
#define EXPECT_EQ(a, b) ((void)((a) == (b)))

namespace config {

struct WorkerConfig {
  int threads = 4;
};

inline std::optional<WorkerConfig> LoadConfigFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  WorkerConfig c;
  in >> c.threads;
  return c;
}

inline WorkerConfig ApplyOverrides(WorkerConfig c, const std::map<std::string, int>& overrides) {
  auto it = overrides.find("threads");
  if (it != overrides.end()) c.threads = it->second;
  return c;
}

class ConfigLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "config_loader_test." + std::to_string(::getpid()) + ".conf";
    std::ofstream(path_) << 8;
  }
  void TearDown() override { std::remove(path_.c_str()); }

  std::string path_;
};

TEST_F(ConfigLoaderTest, OverridesBeatTheFile) {
  std::optional<WorkerConfig> loaded = LoadConfigFile(path_);
  WorkerConfig merged = ApplyOverrides(*loaded, {{"threads", 16}});
  EXPECT_EQ(merged.threads, 16);
}

TEST_F(ConfigLoaderTest, ReadsCheckedInFixture) {
  std::optional<WorkerConfig> golden = LoadConfigFile("testdata/worker.conf");
  EXPECT_EQ(golden.has_value(), true);
}

}  // namespace config
