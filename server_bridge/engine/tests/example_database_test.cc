#include "server_bridge/engine/example_database.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "server_bridge/engine/engine.h"
#include "server_bridge/engine/property_function.h"

namespace lockstep::engine {

using protocol::Choice;
using protocol::ChoiceSequence;
using protocol::ChoiceSource;

namespace {

namespace fs = std::filesystem;

std::string FreshDirectory(const std::string& name) {
  fs::path path = fs::path(::testing::TempDir()) / name;
  fs::remove_all(path);
  return path.string();
}

TEST(ExampleDatabaseTest, SavesAndLoadsEntries) {
  ExampleDatabase database(FreshDirectory("db_roundtrip"));
  ChoiceSequence choices = {Choice::Integer(5, 0, 10),
                            Choice::Bytes("ab", 0, 4), Choice::Float(1.5, 0, 2),
                            Choice::Boolean(true)};
  ASSERT_TRUE(database.Save("my test", choices, "file.cc:12").ok());
  std::vector<std::string> problems;
  std::vector<ExampleDatabase::Entry> entries =
      database.Load("my test", &problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].choices, choices);
  EXPECT_EQ(entries[0].origin, "file.cc:12");
  EXPECT_TRUE(database.Load("other test", &problems).empty());
}

TEST(ExampleDatabaseTest, CorruptEntryIsReportedAndSkipped) {
  std::string root = FreshDirectory("db_corrupt");
  ExampleDatabase database(root);
  ASSERT_TRUE(database.Save("t", {Choice::Integer(1, 0, 10)}, "o").ok());
  fs::path directory = fs::path(root) / StableHash("t");
  std::ofstream(directory / "garbage") << "\xff\xff not a protobuf";
  std::vector<std::string> problems;
  std::vector<ExampleDatabase::Entry> entries = database.Load("t", &problems);
  EXPECT_EQ(entries.size(), 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("garbage"), std::string::npos) << problems[0];
}

TEST(ExampleDatabaseTest, ConcurrentWritersNeverLeaveHalfFiles) {
  std::string root = FreshDirectory("db_concurrent");
  std::vector<std::thread> writers;
  for (int w = 0; w < 8; ++w) {
    writers.emplace_back([&root, w] {
      ExampleDatabase database(root);
      for (int i = 0; i < 25; ++i) {
        ASSERT_TRUE(
            database
                .Save("shared", {Choice::Integer(w * 100 + i, 0, 1000)}, "o")
                .ok());
      }
    });
  }
  for (auto& t : writers) t.join();
  std::vector<std::string> problems;
  EXPECT_EQ(ExampleDatabase(root).Load("shared", &problems).size(), 200u);
  EXPECT_TRUE(problems.empty());
}

TEST(ExampleDatabaseTest, EngineReplaysSavedFailuresFirstAndForgetsFixedOnes) {
  std::string root = FreshDirectory("db_engine");
  Settings settings;
  settings.database = root;
  settings.derandomize = true;
  bool buggy = true;
  TestFunction test = PropertyFunction([&buggy](ChoiceSource& s) {
    if (buggy && s.DrawInteger(0, 1000) > 300)
      throw protocol::CaseFailure("", "bug");
  });
  Report first = Engine("db test", settings, test).Run();
  ASSERT_EQ(first.failures.size(), 1u);
  std::vector<std::string> problems;
  ASSERT_EQ(ExampleDatabase(root).Load("db test", &problems).size(), 1u);

  // The saved failure is replayed first: found on the first call.
  settings.generate = false;
  Report second = Engine("db test", settings, test).Run();
  ASSERT_EQ(second.failures.size(), 1u);
  EXPECT_EQ(second.failures[0].choices[0].integer, 301);

  buggy = false;
  Report fixed = Engine("db test", settings, test).Run();
  EXPECT_TRUE(fixed.passed);
  EXPECT_TRUE(ExampleDatabase(root).Load("db test", &problems).empty());
}

}  // namespace
}  // namespace lockstep::engine
