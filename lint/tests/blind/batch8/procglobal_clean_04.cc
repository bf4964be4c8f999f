// Death tests for the daemon's startup checks. Each death test statement
// runs in a forked child, so changing its environment or working directory
// there does not leak into the other tests.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace daemon_startup {

void CheckRuntimeDir() {
  const char* dir = getenv("XDG_RUNTIME_DIR");
  if (dir == nullptr || *dir == '\0') {
    std::fprintf(stderr, "XDG_RUNTIME_DIR is not set\n");
    std::abort();
  }
}

void CheckWorkingDirWritable() {
  if (access(".", W_OK) != 0) {
    std::fprintf(stderr, "working directory is not writable\n");
    std::exit(3);
  }
}

}  // namespace daemon_startup

TEST(DaemonStartupDeathTest, AbortsWithoutRuntimeDir) {
  EXPECT_DEATH(
      {
        unsetenv("XDG_RUNTIME_DIR");
        daemon_startup::CheckRuntimeDir();
      },
      "XDG_RUNTIME_DIR is not set");
}

TEST(DaemonStartupDeathTest, ExitsInReadOnlyDirectory) {
  EXPECT_EXIT(
      {
        if (chdir("/proc") != 0) std::exit(3);
        daemon_startup::CheckWorkingDirWritable();
      },
      ::testing::ExitedWithCode(3), "not writable");
}

TEST(DaemonStartupTest, PassesWithRuntimeDir) {
  if (getenv("XDG_RUNTIME_DIR") == nullptr) GTEST_SKIP() << "no runtime dir";
  daemon_startup::CheckRuntimeDir();
  SUCCEED();
}
