// PostgreSQL-style tablespace directory tests (threaded backend build): the
// fixture tightens the process umask so that created directories come out
// 0700, and one test changes the working directory to resolve relative
// tablespace locations.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "mock/pg_lwlock.h"

extern bool create_tablespace_directories(const char* location, Oid tablespaceoid);
extern std::string get_tablespace_path(Oid spcoid);

class TablespaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    old_umask_ = umask(S_IRWXG | S_IRWXO);  // EXPECT: concurrency-process-global-in-test
    base_ = ::testing::TempDir() + "pg_tblspc_" + std::to_string(getpid());
    mkdir(base_.c_str(), 0700);
  }

  void TearDown() override { rmdir(base_.c_str()); }

  mode_t old_umask_ = 0;
  std::string base_;
};

TEST_F(TablespaceTest, CreatesVersionDirectory) {
  ASSERT_TRUE(create_tablespace_directories(base_.c_str(), 16384));
  struct stat st;
  std::string version_dir = base_ + "/PG_17_202406281";
  ASSERT_EQ(stat(version_dir.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

TEST_F(TablespaceTest, ResolvesRelativeLocation) {
  int rc = chdir(base_.c_str());  // EXPECT: concurrency-process-global-in-test
  ASSERT_EQ(rc, 0);
  ASSERT_TRUE(create_tablespace_directories("relative_spc", 16385));
  EXPECT_EQ(get_tablespace_path(16385).find(base_), 0u);
}
