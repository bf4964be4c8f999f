// Tests for the log formatter: number formatting follows the locale, and the
// reopen-on-SIGHUP handler rotates the file.
#include <csignal>
#include <locale>
#include <sstream>
#include <string>

#include "gtest.h"

namespace logfmt {

// Set by the SIGHUP handler; the writer reopens the file when it sees it.
// sig_atomic_t is the only type a handler may portably write.
volatile std::sig_atomic_t g_reopen_requested = 0;

void OnSighup(int) { g_reopen_requested = 1; }

std::string FormatBytes(long long bytes, const std::locale& loc) {
  std::ostringstream out;
  out.imbue(loc);
  out << bytes << " B";
  return out.str();
}

std::string FormatBytesGlobal(long long bytes) {
  std::ostringstream out;
  out << bytes << " B";
  return out.str();
}

class LogFormatterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::signal(SIGHUP, OnSighup);  // EXPECT: concurrency-process-global-in-test
  }

  static void TearDownTestSuite() {
    std::signal(SIGHUP, SIG_DFL);  // EXPECT: concurrency-process-global-in-test
  }

  void SetUp() override { g_reopen_requested = 0; }
};

TEST_F(LogFormatterTest, SighupRequestsReopen) {
  std::raise(SIGHUP);
  EXPECT_EQ(g_reopen_requested, 1);
}

TEST_F(LogFormatterTest, GroupsThousandsInTheGlobalLocale) {
  std::locale::global(std::locale("en_US.UTF-8"));  // EXPECT: concurrency-process-global-in-test
  EXPECT_EQ(FormatBytesGlobal(1234567), std::string("1,234,567 B"));
  std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
}

TEST_F(LogFormatterTest, ImbuedLocaleDoesNotTouchTheProcess) {
  EXPECT_EQ(FormatBytes(42, std::locale::classic()), std::string("42 B"));
}

TEST(LogFormatterSignalTest, IgnoresSigpipeWhileWriting) {
  struct sigaction sa = {};
  sa.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &sa, nullptr);  // EXPECT: concurrency-process-global-in-test
  EXPECT_EQ(FormatBytesGlobal(0), std::string("0 B"));
}


TEST(LogFormatterPlainTest, FormatsZeroAndNegative) {
  EXPECT_EQ(FormatBytes(0, std::locale::classic()), std::string("0 B"));
  EXPECT_EQ(FormatBytes(-5, std::locale::classic()), std::string("-5 B"));
}

TEST(LogFormatterPlainTest, LargeValuesInTheClassicLocale) {
  EXPECT_EQ(FormatBytes(1099511627776LL, std::locale::classic()), std::string("1099511627776 B"));
}

TEST(LogFormatterPlainTest, HandlerFlagStartsClear) {
  g_reopen_requested = 0;
  EXPECT_EQ(g_reopen_requested, 0);
}

}  // namespace logfmt
