// MySQL-style server option tests: the environment is only read, and the
// one test that must see MYSQL_HOME changed does it inside EXPECT_DEATH /
// EXPECT_EXIT, whose statements GoogleTest runs in a child process.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <string>

#include "mock/mysql_mutex.h"

std::string find_option_file(const char* mysql_home);
[[noreturn]] void die_on_missing_datadir(const char* datadir);
[[noreturn]] void exit_after_chdir_to_datadir(const char* datadir);

static std::string home_or_default() {
  const char* home = getenv("MYSQL_HOME");
  return home ? home : "/usr/local/mysql";
}

TEST(OptionFileTest, UsesMysqlHomeWhenSet) {
  std::string expected = home_or_default() + "/my.cnf";
  EXPECT_EQ(find_option_file(home_or_default().c_str()), expected);
}

TEST(OptionFileDeathTest, MissingDatadirAborts) {
  EXPECT_DEATH(
      {
        setenv("MYSQL_HOME", "/nonexistent", 1);
        die_on_missing_datadir(getenv("MYSQL_HOME"));
      },
      "datadir");
}

TEST(OptionFileDeathTest, ChdirToDatadirThenExit) {
  EXPECT_EXIT(
      {
        umask(077);
        exit_after_chdir_to_datadir(".");
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(OptionFileTest, ExplicitHomeBeatsEnvironment) {
  std::string explicit_home = ::testing::TempDir() + "mysql_home_" + std::to_string(getpid());
  EXPECT_EQ(find_option_file(explicit_home.c_str()), explicit_home + "/my.cnf");
}
