// concurrency-thread-leak, a detached thread whose callable loops forever:
// positive cases (a finding on each
// "// WARN" line) and negative cases (no finding).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-thread-leak";

TEST(ThreadLeakPositive, DetachedWhileTrueLambda) {
  const std::string code = R"code(
void Beat();
void StartHeartbeat() {
  std::thread([] {
    while (true) {
      Beat();
    }
  }).detach();  // WARN
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "detached thread runs an endless loop in a lambda in "
            "'StartHeartbeat' with no stop condition: nothing can stop it, "
            "and it is still running when the process exits");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message,
            "this loop has no break, return or throw, and its condition "
            "never changes");
}

TEST(ThreadLeakPositive, DetachedForeverFunction) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Poll();
void PollForever() {
  for (;;) Poll();
}
void Start() {
  std::thread poller(PollForever);
  poller.detach();  // WARN
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedMethodLoop) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Heartbeat {
 public:
  void Start() { std::thread(&Heartbeat::Loop, this).detach(); }  // WARN

 private:
  void Loop() {
    while (1) {
      ++beats_;
    }
  }
  std::atomic<int> beats_{0};
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedLoopOnLocalThatNeverChanges) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Flush();
void Start() {
  std::thread flusher([] {
    bool running = true;
    while (running) {
      Flush();
    }
  });
  flusher.detach();  // WARN
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedLambdaCallingEndlessHelper) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Serve();
void ServeForever() {
  do {
    Serve();
  } while (true);
}
void Start() {
  std::thread server([] { ServeForever(); });
  server.detach();  // WARN
}
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, DetachedLoopWhoseBreakOnlyLeavesAnInnerSwitch) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Next();
void Start() {
  std::thread([] {
    for (;;) {
      switch (Next()) {
        case 0:
          break;
        default:
          continue;
      }
    }
  }).detach();  // WARN
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DetachedFiniteWork) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Run() {
  std::thread worker(Work);
  worker.detach();
  std::thread([] { Work(); }).detach();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DetachedLoopsWithAStopPath) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Beat();
bool Failed();
std::atomic<bool> g_stop{false};
class Monitor {
 public:
  void Start() {
    std::thread([this] {
      while (!stopping_) Beat();
    }).detach();
  }
  std::atomic<bool> stopping_{false};
};
void Start(std::atomic<bool>& stop) {
  std::thread([] {
    while (!g_stop.load()) Beat();
  }).detach();
  std::thread([&stop] {
    for (;;) {
      if (stop) break;
      Beat();
    }
  }).detach();
  std::thread([] {
    while (true) {
      if (Failed()) return;
    }
  }).detach();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DetachedCountedLoopsEnd) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Start() {
  std::thread([] {
    for (int i = 0; i < 10; ++i) Work();
  }).detach();
  std::thread([] {
    int retries = 3;
    while (retries-- > 0) Work();
  }).detach();
  std::thread([] {
    bool again = true;
    do {
      Work();
      again = false;
    } while (again);
  }).detach();
}
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, LoopInsideANestedLambdaIsNotTheThreadsLoop) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Work();
void Start() {
  std::thread([] {
    auto spin = [] { for (;;) Work(); };
    (void)spin;
  }).detach();
}
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
