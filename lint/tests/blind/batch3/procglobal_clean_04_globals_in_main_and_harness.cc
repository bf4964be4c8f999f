// Integration harness binary: the process-wide setup (environment, working
// directory, umask) happens in main() and in a Harness class whose SetUp()
// is not a GoogleTest fixture. The test body only reads the environment.
#include <sys/stat.h>
#include <unistd.h>

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
#define EXPECT_TRUE(c) ((void)(c))

namespace harness {

// A deployment harness, not a test fixture: it derives from nothing.
class Harness {
 public:
  void SetUp() {
    ::setenv("LOCKSTEP_MODE", "integration", 1);
    ::umask(022);
  }
  void TearDown() { ::unsetenv("LOCKSTEP_MODE"); }
};

TEST(HarnessTest, ModeIsVisible) {
  const char* mode = std::getenv("LOCKSTEP_MODE");
  EXPECT_TRUE(mode == nullptr || std::string(mode) == "integration");
}

}  // namespace harness

int main(int argc, char** argv) {
  if (argc > 1 && ::chdir(argv[1]) != 0) return 2;
  ::setenv("TZ", "UTC", 1);
  harness::Harness h;
  h.SetUp();
  h.TearDown();
  return 0;
}
