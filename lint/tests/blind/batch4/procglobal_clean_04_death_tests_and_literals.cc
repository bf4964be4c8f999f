// Tests for the sandbox path policy. Environment changes only happen inside
// death tests, which run in a child process.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace sandbox {

bool IsWritableScratchPath(const std::string& path) {
  return path.rfind("/tmp/", 0) == 0 || path.rfind("/var/tmp/", 0) == 0;
}

std::string ScratchRoot() {
  const char* override_root = std::getenv("SANDBOX_SCRATCH_ROOT");
  if (override_root == nullptr) return "/tmp/";
  if (override_root[0] != '/') {
    std::fprintf(stderr, "SANDBOX_SCRATCH_ROOT must be absolute\n");
    std::abort();
  }
  return override_root;
}

namespace {

TEST(PathPolicyTest, TmpIsScratch) {
  EXPECT_TRUE(IsWritableScratchPath("/tmp/build-output"));
  EXPECT_TRUE(IsWritableScratchPath("/var/tmp/cache"));
  EXPECT_FALSE(IsWritableScratchPath("/etc/passwd"));
}

TEST(PathPolicyTest, DefaultScratchRoot) {
  const std::string root = ScratchRoot();
  if (root == "/tmp/") {
    std::cerr << "using the default scratch root /tmp/ for this run\n";
  }
  EXPECT_FALSE(root.empty());
}

TEST(PathPolicyDeathTest, RelativeOverrideAborts) {
  EXPECT_DEATH(
      {
        setenv("SANDBOX_SCRATCH_ROOT", "relative/dir", 1);
        ScratchRoot();
      },
      "must be absolute");
}

TEST(PathPolicyDeathTest, ChdirInChildOnly) {
  EXPECT_EXIT(
      {
        chdir("/");
        std::exit(IsWritableScratchPath("/tmp/x") ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace sandbox
