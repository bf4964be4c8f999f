// Signal and formatting tests that stay out of process-wide state: SIGUSR1
// is blocked with pthread_sigmask and collected with sigwait on a helper
// thread, numbers are formatted through stream.imbue(), and overrides go
// through the project's own config::setenv (not the C library's).
#include <pthread.h>
#include <signal.h>

#include <locale>
#include <map>
#include <sstream>
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
}  // namespace testing

#define TEST(suite, name)                                  \
  class suite##_##name##_Test : public ::testing::Test {   \
   public:                                                 \
    void TestBody() override;                              \
  };                                                       \
  void suite##_##name##_Test::TestBody()
#define EXPECT_EQ(a, b) ((void)((a) == (b)))

namespace config {
struct Overrides {
  std::map<std::string, std::string> values;
};
inline void setenv(Overrides* o, const std::string& key, const std::string& value) { o->values[key] = value; }
}  // namespace config

TEST(SignalTest, SigwaitCollectsUsr1) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  int received = 0;
  std::thread waiter([&set, &received] { sigwait(&set, &received); });
  pthread_kill(waiter.native_handle(), SIGUSR1);
  waiter.join();
  EXPECT_EQ(received, SIGUSR1);
}

TEST(FormatTest, ImbuesStreamNotGlobal) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << 1234567;
  EXPECT_EQ(out.str(), std::string("1234567"));
}

TEST(ConfigTest, ProjectSetenvIsNotTheEnvironment) {
  config::Overrides overrides;
  config::setenv(&overrides, "threads", "16");
  EXPECT_EQ(overrides.values["threads"], std::string("16"));
}
