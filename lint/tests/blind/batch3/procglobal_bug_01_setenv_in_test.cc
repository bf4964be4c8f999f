// Worker-config test that drives the override through the process
// environment: setenv/unsetenv in a TEST body change the environment for
// every other test and thread in the binary.
#include <cstdlib>
#include <string>

namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
  virtual void TestBody() = 0;
};
}  // namespace testing

#define TEST(suite, name)                                  \
  class suite##_##name##_Test : public ::testing::Test {   \
   public:                                                 \
    void TestBody() override;                              \
  };                                                       \
  void suite##_##name##_Test::TestBody()
#define EXPECT_EQ(a, b) ((void)((a) == (b)))

namespace worker {

struct WorkerConfig {
  int threads = 4;
  std::string queue = "default";
};

inline WorkerConfig LoadWorkerConfig() {
  WorkerConfig config;
  if (const char* t = std::getenv("LOCKSTEP_WORKER_THREADS")) config.threads = std::atoi(t);
  if (const char* q = std::getenv("LOCKSTEP_WORKER_QUEUE")) config.queue = q;
  return config;
}

TEST(WorkerConfigTest, EnvironmentOverridesThreadCount) {
  setenv("LOCKSTEP_WORKER_THREADS", "16", 1);  // EXPECT: concurrency-process-global-in-test
  WorkerConfig config = LoadWorkerConfig();
  EXPECT_EQ(config.threads, 16);
  unsetenv("LOCKSTEP_WORKER_THREADS");  // EXPECT: concurrency-process-global-in-test
}

TEST(WorkerConfigTest, DefaultsWithoutEnvironment) {
  WorkerConfig config = LoadWorkerConfig();
  EXPECT_EQ(config.queue, std::string("default"));
}

}  // namespace worker
