// The client's engine plumbing: start failures, crash detection while tests
// wait, restart after a crash.
#include "client/session.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "client/lockstep.h"
#include "gtest/gtest.h"

namespace lockstep::client {
namespace {

std::string WriteScript(const std::string& name, const std::string& body,
                        bool executable) {
  std::string path = std::string(::testing::TempDir()) + "/" + name;
  std::ofstream(path) << body;
  chmod(path.c_str(), executable ? 0755 : 0644);
  return path;
}

TEST(SessionTest, MissingEngineBinaryIsAClearError) {
  Session session;
  auto connection =
      session.Connect("/nonexistent/lockstep-engine", absl::Seconds(5));
  ASSERT_FALSE(connection.ok());
  EXPECT_EQ(
      connection.status().message(),
      "the lockstep engine '/nonexistent/lockstep-engine' does not exist");
}

TEST(SessionTest, NonExecutableEngineIsAClearError) {
  Session session;
  std::string path = WriteScript("not_executable", "#!/bin/sh\n", false);
  auto connection = session.Connect(path, absl::Seconds(5));
  ASSERT_FALSE(connection.ok());
  EXPECT_NE(connection.status().message().find("is not executable"),
            std::string::npos);
}

TEST(SessionTest, EngineThatExitsAtOnceIsReportedWithItsLog) {
  Session session;
  std::string path =
      WriteScript("exits_at_once",
                  "#!/bin/sh\necho 'cannot open database' >&2\nexit 3\n", true);
  auto connection = session.Connect(path, absl::Seconds(5));
  ASSERT_FALSE(connection.ok());
  std::string message(connection.status().message());
  EXPECT_NE(message.find("exited with status 3"), std::string::npos) << message;
  EXPECT_NE(message.find("cannot open database"), std::string::npos) << message;
}

TEST(SessionTest, SilentEngineTimesOut) {
  Session session;
  std::string path = WriteScript("silent", "#!/bin/sh\nexec sleep 30\n", true);
  absl::Time start = absl::Now();
  auto connection = session.Connect(path, absl::Seconds(1));
  ASSERT_FALSE(connection.ok());
  EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  EXPECT_NE(connection.status().message().find("did not answer"),
            std::string::npos)
      << connection.status().message();
}

TEST(SessionTest, EngineKilledWhileEightTestsRunFailsThemAllWithTheSignal) {
  Settings settings;
  settings.derandomize = true;
  settings.database = std::nullopt;
  settings.test_cases = 1000000;  // runs until the engine dies
  std::vector<Result> results(8);
  std::atomic<int> running{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      results[i] = Check(
          "killed " + std::to_string(i),
          [&running](TestCase& tc) {
            static thread_local bool counted = false;
            if (!counted) {
              counted = true;
              ++running;
            }
            tc.Draw(gen::Integers<int>(0, 1000));
          },
          settings);
    });
  }
  while (running.load() < 8) absl::SleepFor(absl::Milliseconds(10));
  pid_t pid = Session::Global().engine_pid();
  ASSERT_GT(pid, 0);
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  for (auto& t : threads) t.join();
  for (int i = 0; i < 8; ++i) {
    EXPECT_FALSE(results[i].passed);
    EXPECT_NE(results[i].error.find("was killed by signal 9"),
              std::string::npos)
        << results[i].error;
    // Failed by the crash path, not by running into a timeout (how fast is
    // a benchmark's business: tools/bench/README.md).
    EXPECT_EQ(results[i].error.find("did not answer"), std::string::npos);
    EXPECT_EQ(results[i].error.find("sent nothing"), std::string::npos);
  }
  // The next Check starts a new engine.
  Settings quick;
  quick.database = std::nullopt;
  Result after = Check(
      "after the crash", [](TestCase& tc) { tc.Draw(gen::Booleans()); }, quick);
  EXPECT_TRUE(after.passed) << after.Report("after the crash");
  EXPECT_NE(Session::Global().engine_pid(), pid);
}

}  // namespace
}  // namespace lockstep::client
