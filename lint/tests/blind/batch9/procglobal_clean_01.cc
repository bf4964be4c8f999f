// Tests for a log-rotation policy. Paths come from testing::TempDir() or
// mkdtemp(), the environment is only read, and /tmp literals appear only in
// log messages, comparisons and assertions.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace logrotate {

struct Policy {
  size_t max_bytes = 1 << 20;
  int keep = 3;
  std::string dir;
};

Policy PolicyFromEnvironment() {
  Policy p;
  if (const char* v = std::getenv("LOGROTATE_KEEP")) p.keep = std::atoi(v);
  if (const char* d = std::getenv("LOGROTATE_DIR")) p.dir = d;
  return p;
}

std::vector<std::string> RotatedNames(const std::string& base, int keep) {
  std::vector<std::string> out;
  for (int i = 1; i <= keep; ++i) out.push_back(base + "." + std::to_string(i));
  return out;
}

bool ShouldRotate(const std::string& path, const Policy& p) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  return static_cast<size_t>(in.tellg()) >= p.max_bytes;
}

bool IsDefaultLocation(const std::string& dir) { return dir == "/tmp/logs"; }

TEST(PolicyTest, ReadsKeepFromEnvironmentWhenPresent) {
  Policy p = PolicyFromEnvironment();
  EXPECT_GE(p.keep, 0);
}

TEST(RotatedNamesTest, NumbersFromOne) {
  const std::string base = ::testing::TempDir() + "rotate_names_test.log";
  std::vector<std::string> names = RotatedNames(base, 2);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], base + ".1");
  EXPECT_EQ(names[1], base + ".2");
}

TEST(ShouldRotateTest, LargeFileRotates) {
  const std::string path = ::testing::TempDir() + "should_rotate_" + std::to_string(getpid()) + ".log";
  {
    std::ofstream out(path, std::ios::trunc);
    out << std::string(2048, 'x');
  }
  Policy p;
  p.max_bytes = 1024;
  EXPECT_TRUE(ShouldRotate(path, p));
  std::remove(path.c_str());
}

TEST(ShouldRotateTest, WorksInAPrivateDirectory) {
  char tmpl[] = "/tmp/logrotate_test.XXXXXX";
  char* dir = mkdtemp(tmpl);
  ASSERT_NE(dir, nullptr);
  const std::string path = std::string(dir) + "/app.log";
  {
    std::ofstream out(path);
    out << "short";
  }
  EXPECT_FALSE(ShouldRotate(path, Policy{}));
  std::remove(path.c_str());
  rmdir(dir);
}

TEST(DefaultLocationTest, RecognizesTheDefault) {
  std::cerr << "checking default location /tmp/logs\n";
  EXPECT_TRUE(IsDefaultLocation("/tmp/logs"));
  EXPECT_FALSE(IsDefaultLocation("logs"));
}

TEST(ShouldRotateTest, RelativeMissingPathDoesNotRotate) {
  EXPECT_FALSE(ShouldRotate("testdata/missing.log", Policy{}));
}

TEST(RotatedNamesTest, KeepZeroMeansNoBackups) {
  EXPECT_TRUE(RotatedNames(::testing::TempDir() + "none.log", 0).empty());
}

TEST(PolicyTest, DefaultsAreSane) {
  Policy p;
  EXPECT_EQ(p.keep, 3);
  EXPECT_EQ(p.max_bytes, 1u << 20);
}

}  // namespace logrotate
