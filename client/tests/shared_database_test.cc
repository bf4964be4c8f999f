// Four processes share one example database at once: nothing is corrupted,
// and a failure one of them found is replayed first by the next run.
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "client/lockstep.h"
#include "gtest/gtest.h"
#include "server_bridge/engine/example_database.h"

namespace lockstep {
namespace {

constexpr char kName[] = "shared database";

void Property(TestCase& tc, std::vector<int>* seen) {
  int x = tc.Draw(gen::Integers<int>(0, 1000000));
  if (seen != nullptr) seen->push_back(x);
  LOCKSTEP_ASSERT(x <= 500000);
}

TEST(SharedDatabaseTest, FourProcessesAtOnceThenReplayFirst) {
  std::string database = std::string(::testing::TempDir()) + "/shared-db";
  std::filesystem::remove_all(database);
  // Fork before this process starts any thread: each child is a whole
  // separate test process with its own engine.
  std::vector<pid_t> children;
  for (int i = 0; i < 4; ++i) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      Settings settings;
      settings.database = database;
      settings.seed = 100 + i;
      Result result = Check(
          kName, [](TestCase& tc) { Property(tc, nullptr); }, settings);
      _exit(result.failures.size() == 1 ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::vector<std::string> problems;
  std::vector<engine::ExampleDatabase::Entry> entries =
      engine::ExampleDatabase(database).Load(kName, &problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  ASSERT_EQ(entries.size(), 1u);  // all four saved the same minimal example
  EXPECT_EQ(entries[0].choices[0].integer, 500001);

  std::vector<int> seen;
  Settings settings;
  settings.database = database;
  settings.seed = 999;
  Result result = Check(
      kName, [&seen](TestCase& tc) { Property(tc, &seen); }, settings);
  ASSERT_EQ(result.failures.size(), 1u);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front(), 500001);  // the saved failure ran first
}

TEST(SharedDatabaseTest, ACorruptEntryIsReportedAndTheTestStillRuns) {
  std::string database = std::string(::testing::TempDir()) + "/corrupt-db";
  std::filesystem::remove_all(database);
  const std::string name = "corrupt entry";
  std::filesystem::path directory =
      std::filesystem::path(database) / engine::StableHash(name);
  std::filesystem::create_directories(directory);
  // Not a serialized ChoiceSequence: a truncated varint field.
  std::ofstream(directory / "garbage") << "\x08\xff";
  Settings settings;
  settings.database = database;
  settings.derandomize = true;
  Result result = Check(
      name, [](TestCase& tc) { tc.Draw(gen::Integers<int>(0, 10)); }, settings);
  EXPECT_TRUE(result.passed) << result.Report(name);
  ASSERT_EQ(result.database_problems.size(), 1u) << result.Report(name);
  EXPECT_NE(result.database_problems[0].find("skipping corrupt database entry"),
            std::string::npos)
      << result.database_problems[0];
  EXPECT_NE(result.Report(name).find("example database: skipping corrupt"),
            std::string::npos)
      << result.Report(name);
}

}  // namespace
}  // namespace lockstep
