// Tests for the embedded key-value store's recovery path. Every test gets
// its own directory.

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace kvstore {

bool WriteWal(const std::string& dir, const std::vector<std::string>& records) {
  std::ofstream out(dir + "/wal");
  for (const std::string& r : records) out << r << '\n';
  return static_cast<bool>(out);
}

std::vector<std::string> ReadWal(const std::string& dir) {
  std::vector<std::string> records;
  std::ifstream in(dir + "/wal");
  for (std::string line; std::getline(in, line);) records.push_back(line);
  return records;
}

namespace {

class WalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = ::testing::TempDir() + "wal_test." + info->name() + "." + std::to_string(getpid());
    ASSERT_EQ(mkdir(dir_.c_str(), 0700), 0);
  }

  void TearDown() override {
    std::remove((dir_ + "/wal").c_str());
    rmdir(dir_.c_str());
  }

  std::string dir_;
};

TEST_F(WalTest, RoundTrip) {
  ASSERT_TRUE(WriteWal(dir_, {"put a 1", "put b 2"}));
  EXPECT_EQ(ReadWal(dir_).size(), 2u);
}

TEST(WalScratchTest, MkdtempDirectory) {
  char tmpl[] = "/tmp/wal_scratch-XXXXXX";
  char* dir = mkdtemp(tmpl);
  ASSERT_NE(dir, nullptr);
  ASSERT_TRUE(WriteWal(dir, {"put c 3"}));
  EXPECT_EQ(ReadWal(dir).front(), "put c 3");
  std::remove((std::string(dir) + "/wal").c_str());
  rmdir(dir);
}

TEST(WalScratchTest, RelativePathsResolveInTheSandbox) {
  const std::string rel = "testdata/empty_wal";
  EXPECT_TRUE(ReadWal(rel).empty());
}

}  // namespace
}  // namespace kvstore
