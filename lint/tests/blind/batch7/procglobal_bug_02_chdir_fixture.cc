// Tests of project-root discovery: the discovery walks up from the working
// directory, so the fixture moves the process into a scratch tree.

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include <gtest/gtest.h>

#include "mock/project_config.h"

namespace buildtool {
namespace {

class ProjectRootTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char cwd[PATH_MAX];
    ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
    saved_cwd_ = cwd;
    root_ = ::testing::TempDir() + "/project_root_test." + std::to_string(getpid());
    ASSERT_EQ(mkdir(root_.c_str(), 0700), 0);
    ASSERT_EQ(mkdir((root_ + "/src").c_str(), 0700), 0);
    WriteMarkerFile(root_ + "/BUILD.root");
    const int rc = chdir((root_ + "/src").c_str());  // EXPECT: concurrency-process-global-in-test
    ASSERT_EQ(rc, 0);
  }

  void TearDown() override {
    chdir(saved_cwd_.c_str());  // EXPECT: concurrency-process-global-in-test
    RemoveTree(root_);
  }

  std::string saved_cwd_;
  std::string root_;
};

TEST_F(ProjectRootTest, FindsMarkerInParentDirectory) {
  std::string found;
  ASSERT_TRUE(FindProjectRoot(&found));
  EXPECT_EQ(found, root_);
}

TEST_F(ProjectRootTest, ExplicitStartDirectoryWins) {
  std::string found;
  ASSERT_TRUE(FindProjectRootFrom(root_, &found));
  EXPECT_EQ(found, root_);
}

}  // namespace
}  // namespace buildtool
