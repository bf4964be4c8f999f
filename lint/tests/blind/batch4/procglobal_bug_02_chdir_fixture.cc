// Tests for the project file discovery used by the build tool. The
// discovery walks up from the current directory looking for BUILD.root.

#include <gtest/gtest.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace buildtool {

std::string FindProjectRoot() {
  char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof(cwd)) == nullptr) return "";
  std::string dir = cwd;
  while (!dir.empty()) {
    struct stat st;
    if (stat((dir + "/BUILD.root").c_str(), &st) == 0) return dir;
    const size_t slash = dir.find_last_of('/');
    if (slash == std::string::npos || slash == 0) break;
    dir.resize(slash);
  }
  return "";
}

namespace {

class FindProjectRootTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char cwd[PATH_MAX];
    ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
    saved_cwd_ = cwd;
    root_ = ::testing::TempDir() + "find_root_test";
    mkdir(root_.c_str(), 0755);
    mkdir((root_ + "/src").c_str(), 0755);
    mkdir((root_ + "/src/lib").c_str(), 0755);
    std::ofstream(root_ + "/BUILD.root") << "project\n";
    const int rc = chdir((root_ + "/src/lib").c_str());  // EXPECT: concurrency-process-global-in-test
    ASSERT_EQ(rc, 0);
  }

  void TearDown() override {
    chdir(saved_cwd_.c_str());  // EXPECT: concurrency-process-global-in-test
  }

  std::string saved_cwd_;
  std::string root_;
};

TEST_F(FindProjectRootTest, WalksUpToTheMarker) {
  const std::string root = FindProjectRoot();
  EXPECT_NE(root.find("find_root_test"), std::string::npos);
}

}  // namespace
}  // namespace buildtool
