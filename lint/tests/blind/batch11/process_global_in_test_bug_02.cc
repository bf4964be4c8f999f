// Tests for the project's config-file discovery, which looks for
// ".buildrc" in the current directory and its parents.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <string>

namespace buildrc {

std::string FindConfig() {
  char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof(cwd)) == nullptr) return "";
  std::string dir = cwd;
  while (!dir.empty()) {
    std::string candidate = dir + "/.buildrc";
    if (access(candidate.c_str(), R_OK) == 0) return candidate;
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos || slash == 0) break;
    dir.resize(slash);
  }
  return "";
}

class FindConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/buildrc_test.XXXXXX";
    root_ = mkdtemp(tmpl);
    ASSERT_FALSE(root_.empty());
    nested_ = root_ + "/a/b";
    mkdir((root_ + "/a").c_str(), 0755);
    mkdir(nested_.c_str(), 0755);
    char cwd[PATH_MAX];
    ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
    saved_cwd_ = cwd;
    const int rc = chdir(nested_.c_str());  // EXPECT: concurrency-process-global-in-test
    ASSERT_EQ(rc, 0);
    saved_umask_ = umask(022);  // EXPECT: concurrency-process-global-in-test
  }

  void TearDown() override {
    umask(saved_umask_);  // EXPECT: concurrency-process-global-in-test
    chdir(saved_cwd_.c_str());  // EXPECT: concurrency-process-global-in-test
  }

  std::string root_;
  std::string nested_;
  std::string saved_cwd_;
  mode_t saved_umask_ = 0;
};

TEST_F(FindConfigTest, FindsConfigInParent) {
  std::ofstream(root_ + "/a/.buildrc") << "jobs=8\n";
  EXPECT_EQ(FindConfig(), root_ + "/a/.buildrc");
}

TEST_F(FindConfigTest, NoConfig) { EXPECT_EQ(FindConfig(), ""); }

}  // namespace buildrc
