// Log rotation fixture that reaches for process-wide knobs: a SIGHUP
// handler installed in SetUpTestSuite(), the umask changed in the fixture
// constructor, and the global locale switched inside a lambda in a test.
#include <sys/stat.h>

#include <atomic>
#include <csignal>
#include <locale>
#include <sstream>
#include <string>

namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
  virtual void TestBody() = 0;
  static void SetUpTestSuite() {}
  static void TearDownTestSuite() {}
};
}  // namespace testing

#define TEST_F(fixture, name)                        \
  class fixture##_##name##_Test : public fixture {   \
   public:                                           \
    void TestBody() override;                        \
  };                                                 \
  void fixture##_##name##_Test::TestBody()
#define EXPECT_EQ(a, b) ((void)((a) == (b)))

namespace logrotate {

std::atomic<int> g_hups{0};
extern "C" inline void OnHup(int) { g_hups.fetch_add(1); }

inline std::string FormatSize(long bytes) {
  std::ostringstream out;
  out << bytes << " B";
  return out.str();
}

class RotatorTest : public ::testing::Test {
 public:
  RotatorTest() {
    old_mask_ = ::umask(077);  // EXPECT: concurrency-process-global-in-test
  }

  static void SetUpTestSuite() {
    std::signal(SIGHUP, OnHup);  // EXPECT: concurrency-process-global-in-test
  }

 protected:
  mode_t old_mask_ = 0;
};

TEST_F(RotatorTest, FormatsSizesWithGroupingLocale) {
  auto with_locale = [](long bytes) {
    std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
    return FormatSize(bytes);
  };
  EXPECT_EQ(with_locale(1048576), std::string("1048576 B"));
}

}  // namespace logrotate
