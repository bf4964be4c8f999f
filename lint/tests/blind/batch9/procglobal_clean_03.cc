// Tests for a crash reporter and a number formatter. Handler installation
// and environment changes happen only inside death-test statements, which
// GoogleTest runs in a child process; signals are blocked per thread; the
// formatter's stream gets its own locale.
#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <locale>
#include <sstream>
#include <string>
#include <thread>

namespace crash {

void InstallCrashHandler() {
  signal(SIGSEGV, [](int) {
    std::fputs("crash reporter: caught SIGSEGV\n", stderr);
    std::_Exit(3);
  });
}

[[noreturn]] void CrashNow() {
  volatile int* p = nullptr;
  *p = 1;
  std::abort();
}

void AbortIfConfigured() {
  const char* v = std::getenv("CRASH_TEST_ABORT");
  if (v != nullptr && std::string(v) == "1") std::abort();
}

std::string FormatBytes(double bytes, const std::locale& loc) {
  std::ostringstream out;
  out.imbue(loc);
  out.precision(1);
  out << std::fixed << bytes / 1024.0 << " KiB";
  return out.str();
}

TEST(CrashReporterDeathTest, HandlerReportsAndExits) {
  EXPECT_EXIT(
      {
        InstallCrashHandler();
        CrashNow();
      },
      ::testing::ExitedWithCode(3), "caught SIGSEGV");
}

TEST(CrashReporterDeathTest, EnvironmentTriggersAbort) {
  EXPECT_DEATH(
      {
        setenv("CRASH_TEST_ABORT", "1", 1);
        AbortIfConfigured();
      },
      "");
}

TEST(SignalMaskTest, BlockedSignalStaysPendingOnThisThread) {
  std::thread t([] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    ASSERT_EQ(pthread_sigmask(SIG_BLOCK, &set, nullptr), 0);
    ASSERT_EQ(pthread_kill(pthread_self(), SIGUSR1), 0);
    sigset_t pending;
    sigpending(&pending);
    EXPECT_EQ(sigismember(&pending, SIGUSR1), 1);
    int sig = 0;
    ASSERT_EQ(sigwait(&set, &sig), 0);
    EXPECT_EQ(sig, SIGUSR1);
  });
  t.join();
}

TEST(FormatBytesTest, ClassicLocaleUsesDot) {
  EXPECT_EQ(FormatBytes(1536, std::locale::classic()), "1.5 KiB");
}

TEST(FormatBytesTest, ZeroBytes) { EXPECT_EQ(FormatBytes(0, std::locale::classic()), "0.0 KiB"); }

TEST(AbortIfConfiguredTest, DoesNothingWhenUnset) {
  if (std::getenv("CRASH_TEST_ABORT") == nullptr) AbortIfConfigured();
  SUCCEED();
}

TEST(FormatBytesTest, LargeValues) {
  EXPECT_EQ(FormatBytes(1048576, std::locale::classic()), "1024.0 KiB");
}

TEST(FormatBytesTest, FractionalKibibytes) {
  EXPECT_EQ(FormatBytes(100, std::locale::classic()), "0.1 KiB");
}

TEST(FormatBytesTest, StreamLocaleDoesNotLeak) {
  std::ostringstream other;
  FormatBytes(2048, std::locale::classic());
  other << 2.5;
  EXPECT_EQ(other.str(), "2.5");
}

}  // namespace crash
