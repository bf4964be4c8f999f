// DuckDB-style export tests done right: every file lives under
// testing::TempDir() with the test's name and the pid in it, scratch
// directories come from a mkdtemp() template, and /tmp literals appear only
// in assertions, comparisons and log output.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <string>

#include "mock/duckdb_common.h"

namespace duckdb {

string ExportTable(const string& directory, const string& table);
string NormalizePath(const string& path);

static string UniqueTestPath(const string& suffix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + info->name() + "." + std::to_string(getpid()) + suffix;
}

TEST(ExportTest, WritesCsvIntoTheGivenDirectory) {
  string dir = UniqueTestPath(".export");
  string written = ExportTable(dir, "lineitem");
  EXPECT_EQ(written, dir + "/lineitem.csv");
  std::ifstream in(written);
  EXPECT_TRUE(in.good());
}

TEST(ExportTest, ScratchDirectoryFromTemplate) {
  char scratch[] = "/tmp/duckdb-export-XXXXXX";
  ASSERT_NE(mkdtemp(scratch), nullptr);
  string written = ExportTable(scratch, "orders");
  EXPECT_NE(written.find("orders.csv"), string::npos);
  rmdir(scratch);
}

TEST(ExportTest, NormalizesTmpPrefix) {
  EXPECT_EQ(NormalizePath("/tmp/../tmp/x.csv"), "/tmp/x.csv");
  string input = UniqueTestPath(".dir/./y.csv");
  string normalized = NormalizePath(input);
  if (normalized == "/var/tmp/y.csv") std::cerr << "unexpected rewrite to /var/tmp/y.csv\n";
  EXPECT_FALSE(normalized == "/var/tmp/y.csv");
}

TEST(ExportTest, RelativeOutputStaysInTheTempDir) {
  string dir = UniqueTestPath(".relative");
  string written = ExportTable(dir + "/./out", "nation");
  EXPECT_EQ(written.rfind(dir, 0), 0u);
}

}  // namespace duckdb
