// Parameterized tests for a build-artifact cache that resolves relative
// artifact paths against the working directory and creates files with the
// process's default permissions.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace artifacts {

struct ArtifactSpec {
  std::string relative_path;
  std::string contents;
};

// Writes an artifact under `root` (or the working directory when empty).
bool StoreArtifact(const std::string& root, const ArtifactSpec& spec) {
  const std::string path = root.empty() ? spec.relative_path : root + "/" + spec.relative_path;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (fd < 0) return false;
  const ssize_t n = ::write(fd, spec.contents.data(), spec.contents.size());
  ::close(fd);
  return n == static_cast<ssize_t>(spec.contents.size());
}

bool ReadArtifact(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[4096];
  size_t n;
  out->clear();
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

mode_t PermissionsOf(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 0777;
}

class ArtifactCacheTest : public ::testing::TestWithParam<ArtifactSpec> {
 protected:
  ArtifactCacheTest() {
    umask(022);  // EXPECT: concurrency-process-global-in-test
    dir_ = ::testing::TempDir() + "artifact_cache_test";
    ::mkdir(dir_.c_str(), 0755);
  }

  std::string dir_;
};

TEST_P(ArtifactCacheTest, StoresRelativeToWorkingDirectory) {
  const int rc = chdir(dir_.c_str());  // EXPECT: concurrency-process-global-in-test
  ASSERT_EQ(rc, 0);
  const ArtifactSpec& spec = GetParam();
  ASSERT_TRUE(StoreArtifact("", spec));
  std::string read;
  ASSERT_TRUE(ReadArtifact(spec.relative_path, &read));
  EXPECT_EQ(read, spec.contents);
}

TEST_P(ArtifactCacheTest, StoresUnderExplicitRoot) {
  const ArtifactSpec& spec = GetParam();
  ASSERT_TRUE(StoreArtifact(dir_, spec));
  std::string read;
  ASSERT_TRUE(ReadArtifact(dir_ + "/" + spec.relative_path, &read));
  EXPECT_EQ(read, spec.contents);
  EXPECT_EQ(PermissionsOf(dir_ + "/" + spec.relative_path), 0644u);
}

INSTANTIATE_TEST_SUITE_P(Artifacts, ArtifactCacheTest,
                         ::testing::Values(ArtifactSpec{"a.o", "object"},
                                           ArtifactSpec{"b.a", "archive"},
                                           ArtifactSpec{"c.so", std::string(10000, 'x')}));

// Content-addressed name used by the remote cache: length and a cheap hash.
std::string ContentKey(const std::string& contents) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : contents) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%zu-%016llx", contents.size(), static_cast<unsigned long long>(h));
  return buf;
}

TEST(ContentKeyTest, DiffersForDifferentContents) {
  EXPECT_NE(ContentKey("object"), ContentKey("archive"));
  EXPECT_EQ(ContentKey("x"), ContentKey("x"));
}

TEST(ArtifactReadTest, MissingFile) {
  std::string out;
  EXPECT_FALSE(ReadArtifact(::testing::TempDir() + "no_such_artifact", &out));
}

TEST(ArtifactPermissionsTest, MissingFileHasNoPermissions) {
  EXPECT_EQ(PermissionsOf(::testing::TempDir() + "no_such_artifact"), 0u);
}

}  // namespace artifacts
