// Tests for the project scaffolder, which resolves template paths relative
// to the working directory the way the command-line tool does.

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <fstream>
#include <string>

namespace scaffold {

bool CreateProject(const std::string& name, const std::string& templ) {
  if (mkdir(name.c_str(), 0755) != 0) return false;
  std::ofstream(name + "/CMakeLists.txt") << "# generated from " << templ << "\n";
  return true;
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace scaffold

class ScaffoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(getcwd(old_cwd_, sizeof(old_cwd_)), nullptr);
    work_dir_ = ::testing::TempDir() + "scaffold_test_XXXXXX";
    ASSERT_NE(mkdtemp(&work_dir_[0]), nullptr);
    ASSERT_EQ(chdir(work_dir_.c_str()), 0);  // EXPECT: concurrency-process-global-in-test
    old_mask_ = umask(022);  // EXPECT: concurrency-process-global-in-test
  }

  void TearDown() override {
    umask(old_mask_);  // EXPECT: concurrency-process-global-in-test
    ASSERT_EQ(chdir(old_cwd_), 0);  // EXPECT: concurrency-process-global-in-test
  }

  char old_cwd_[PATH_MAX];
  std::string work_dir_;
  mode_t old_mask_ = 0;
};

TEST_F(ScaffoldTest, CreatesCMakeProject) {
  ASSERT_TRUE(scaffold::CreateProject("hello", "cmake-basic"));
  EXPECT_TRUE(scaffold::Exists("hello/CMakeLists.txt"));
}

TEST_F(ScaffoldTest, RefusesExistingDirectory) {
  ASSERT_TRUE(scaffold::CreateProject("dup", "cmake-basic"));
  EXPECT_FALSE(scaffold::CreateProject("dup", "cmake-basic"));
}
