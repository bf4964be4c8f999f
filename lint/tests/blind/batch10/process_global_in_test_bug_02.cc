// Tests for the spool directory manager: files are created relative to the
// spool root with the expected permissions.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "gtest.h"

namespace spool {

class SpoolDir {
 public:
  explicit SpoolDir(std::string root) : root_(std::move(root)) {}

  bool Create(const std::string& name, mode_t mode) {
    const std::string path = root_.empty() ? name : root_ + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) return false;
    std::fclose(f);
    ::chmod(path.c_str(), mode);
    created_.push_back(path);
    return true;
  }

  const std::vector<std::string>& created() const { return created_; }

 private:
  std::string root_;
  std::vector<std::string> created_;
};

// The fixture runs every test from inside the spool directory, with a
// restrictive umask, to mirror how the daemon is started by systemd.
class SpoolDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "spool_dir_test";
    ::mkdir(dir_.c_str(), 0755);
    old_cwd_ = ::getcwd(buf_, sizeof(buf_)) ? buf_ : "";
    ::chdir(dir_.c_str());  // EXPECT: concurrency-process-global-in-test
    old_mask_ = ::umask(022);  // EXPECT: concurrency-process-global-in-test
  }

  void TearDown() override {
    ::umask(old_mask_);  // EXPECT: concurrency-process-global-in-test
    if (!old_cwd_.empty()) ::chdir(old_cwd_.c_str());  // EXPECT: concurrency-process-global-in-test
  }

  std::string dir_;
  std::string old_cwd_;
  char buf_[4096] = {};
  mode_t old_mask_ = 0;
};

TEST_F(SpoolDirTest, CreatesRelativeToWorkingDirectory) {
  SpoolDir spool("");
  ASSERT_TRUE(spool.Create("job-1.spl", 0644));
  struct stat st;
  EXPECT_EQ(::stat("job-1.spl", &st), 0);
}

TEST_F(SpoolDirTest, CreatesUnderRoot) {
  SpoolDir spool(dir_);
  ASSERT_TRUE(spool.Create("job-2.spl", 0600));
  EXPECT_EQ(spool.created().size(), 1u);
  struct stat st;
  ASSERT_EQ(::stat(spool.created()[0].c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}


TEST(SpoolDirStandaloneTest, FailsForMissingRoot) {
  SpoolDir spool(::testing::TempDir() + "spool_dir_test.does-not-exist");
  EXPECT_FALSE(spool.Create("job-3.spl", 0644));
  EXPECT_TRUE(spool.created().empty());
}

}  // namespace spool
