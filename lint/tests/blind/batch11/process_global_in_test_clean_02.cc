// Tests for the signal-driven reload handler. Process-wide setup happens
// once in main(); the tests block signals per thread and wait for them,
// and the one test that changes the environment is a death test, which
// runs in a child process.
#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <locale>
#include <sstream>
#include <string>
#include <thread>

namespace reload {

int ReloadGeneration(const char* env) { return env == nullptr ? 0 : std::atoi(env); }

std::string FormatBytes(double bytes, const std::locale& loc) {
  std::ostringstream out;
  out.imbue(loc);
  out << bytes;
  return out.str();
}

TEST(ReloadSignalTest, SigwaitReceivesSighup) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &set, nullptr), 0);
  std::thread sender([] { ::kill(::getpid(), SIGHUP); });
  int sig = 0;
  const int rc = sigwait(&set, &sig);
  sender.join();
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(sig, SIGHUP);
  ASSERT_EQ(pthread_sigmask(SIG_UNBLOCK, &set, nullptr), 0);
}

TEST(ReloadSignalTest, FormatsWithExplicitLocale) {
  EXPECT_EQ(FormatBytes(1.5, std::locale::classic()), "1.5");
}

TEST(ReloadDeathTest, AbortsOnBadGeneration) {
  EXPECT_DEATH(
      {
        setenv("RELOAD_GENERATION", "-1", 1);
        if (ReloadGeneration(std::getenv("RELOAD_GENERATION")) < 0) std::abort();
      },
      "");
}

}  // namespace reload

int main(int argc, char** argv) {
  setenv("TZ", "UTC", 1);
  signal(SIGPIPE, SIG_IGN);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
