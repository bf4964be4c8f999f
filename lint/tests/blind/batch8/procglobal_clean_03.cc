// Tests for the sandbox path policy: which paths a sandboxed helper may open.
// The paths are only data here; nothing is created on disk.

#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

namespace sandbox {

class PathPolicy {
 public:
  explicit PathPolicy(std::vector<std::string> allowed_prefixes)
      : allowed_(std::move(allowed_prefixes)) {}

  bool MayOpen(const std::string& path) const {
    for (const std::string& prefix : allowed_) {
      if (path.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
  }

  std::string Normalize(const std::string& path) const {
    std::string out = path;
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
  }

 private:
  std::vector<std::string> allowed_;
};

}  // namespace sandbox

TEST(PathPolicyTest, TmpIsNotAllowedByDefault) {
  sandbox::PathPolicy policy({"/usr/lib/", "/etc/ssl/"});
  EXPECT_FALSE(policy.MayOpen("/tmp/evil.so"));
  EXPECT_TRUE(policy.MayOpen("/usr/lib/libc.so.6"));
}

TEST(PathPolicyTest, NormalizeStripsTrailingSlashes) {
  sandbox::PathPolicy policy({});
  EXPECT_EQ(policy.Normalize("/tmp/cache///"), "/tmp/cache");
  ASSERT_EQ(policy.Normalize("/var/tmp/x/"), "/var/tmp/x");
}

TEST(PathPolicyTest, ComparesAgainstLiteralPaths) {
  sandbox::PathPolicy policy({"/usr/share/"});
  const std::string normalized = policy.Normalize(std::string("relative/dir/"));
  if (normalized == "/dev/shm/segment") {
    std::cerr << "/dev/shm/segment must never be produced from a relative path\n";
  }
  EXPECT_FALSE(policy.MayOpen("/dev/shm/segment"));
  EXPECT_EQ(normalized, "relative/dir");
}
