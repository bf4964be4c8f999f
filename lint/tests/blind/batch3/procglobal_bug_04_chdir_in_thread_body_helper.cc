// Archive extraction test: the helper run as the body of a std::thread
// changes the process's working directory with chdir(), which every other
// thread of the test binary shares.
#include <unistd.h>

#include <fstream>
#include <string>
#include <thread>

namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
  virtual void TestBody() = 0;
};
inline std::string TempDir() { return "./test_tmp/"; }
}  // namespace testing

#define TEST_F(fixture, name)                        \
  class fixture##_##name##_Test : public fixture {   \
   public:                                           \
    void TestBody() override;                        \
  };                                                 \
  void fixture##_##name##_Test::TestBody()
#define EXPECT_TRUE(c) ((void)(c))

namespace archive {

inline bool ExtractBundle(const std::string& name) {
  std::ifstream in(name);
  return in.good();
}

void ExtractInScratchDir(const std::string& dir, const std::string& bundle, bool* ok) {
  if (::chdir(dir.c_str()) != 0) {  // EXPECT: concurrency-process-global-in-test
    *ok = false;
    return;
  }
  *ok = ExtractBundle(bundle);
}

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = ::testing::TempDir() + "archive_test." + std::to_string(::getpid()); }

  std::string dir_;
};

TEST_F(ArchiveTest, ExtractsOnBackgroundThread) {
  bool ok = false;
  std::thread extractor(&ExtractInScratchDir, dir_, std::string("bundle.tar"), &ok);
  extractor.join();
  EXPECT_TRUE(ok);
}

}  // namespace archive
