// WAL tests: the scratch file comes from a mkstemp() template, and the only
// other /tmp literals are streamed into a log message, compared, or used
// inside an assertion, none of which creates a shared file.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
  virtual void TestBody() = 0;
};
}  // namespace testing

#define TEST(suite, name)                                  \
  class suite##_##name##_Test : public ::testing::Test {   \
   public:                                                 \
    void TestBody() override;                              \
  };                                                       \
  void suite##_##name##_Test::TestBody()
#define EXPECT_NE(a, b) ((void)((a) != (b)))
#define EXPECT_TRUE(c) ((void)(c))

namespace wal {

inline std::string DefaultWalDir() { return "var/wal"; }

TEST(WalFileTest, WritesToUniqueScratchFile) {
  char tmpl[] = "/tmp/wal_file_test-XXXXXX";
  const int fd = ::mkstemp(tmpl);
  EXPECT_TRUE(fd >= 0);
  std::cerr << "scratch WAL in " << tmpl << " (not under /tmp/wal, which is prod)\n";
  EXPECT_TRUE(::write(fd, "rec", 3) == 3);
  ::close(fd);
  ::unlink(tmpl);
}

TEST(WalFileTest, DefaultDirIsNotSharedTmp) {
  const std::string dir = DefaultWalDir();
  EXPECT_TRUE(dir != "/tmp/wal");
  EXPECT_NE(dir, std::string("/var/tmp/wal"));
  std::clog << "checked default dir against /tmp/wal\n";
}

}  // namespace wal
