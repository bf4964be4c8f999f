// concurrency-thread-leak's options: each of its four analyses can be turned
// off on its own, and turning one off silences that analysis only.
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-thread-leak";

// One leak of each kind, each on its own marked line.
constexpr char kFourLeaks[] = R"code(
void Work();
bool Ready();
void Beat();

void Run() {
  std::thread worker(Work);  // WARN
  if (!Ready()) return;
  worker.join();
}

void StartHeartbeat() {
  std::thread([] {
    while (true) {
      Beat();
    }
  }).detach();  // WARN
}

class Flusher {
 public:
  void Start() { thread_ = std::thread([this] { Flush(); }); }

 private:
  void Flush() {}
  std::thread thread_;  // WARN
};

class Queue {
 public:
  Queue() : consumer_([this] { Consume(); }) {}
  ~Queue() { consumer_.join(); }  // WARN

 private:
  void Consume() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !items_.empty() || stop_; });
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<int> items_;
  bool stop_ = false;
  std::thread consumer_;
};
)code";

// The lines of kFourLeaks' findings with `option` set to `value`.
std::vector<int> LinesWith(const std::string& option,
                           const std::string& value) {
  std::map<std::string, std::string> options;
  if (!option.empty()) options[std::string(kCheck) + "." + option] = value;
  return LinesOf(RunLint(std::string(kPrelude) + kFourLeaks,
                         std::string(kCheck) + ",clang-diagnostic-error", {},
                         options));
}

// The marked lines of kFourLeaks: local thread, detach, member thread, join.
std::vector<int> Marked() {
  std::vector<int> lines = MarkedLines(std::string(kPrelude) + kFourLeaks);
  EXPECT_EQ(lines.size(), 4u);
  return lines;
}

std::vector<int> Without(std::vector<int> lines, size_t index) {
  lines.erase(lines.begin() + index);
  return lines;
}

TEST(ThreadLeakOptions, AllAnalysesRunByDefault) {
  EXPECT_EQ(LinesWith("", ""), Marked());
  EXPECT_EQ(LinesWith("UnjoinedLocalThreads", "true"), Marked());
}

TEST(ThreadLeakOptions, UnjoinedLocalThreadsOff) {
  EXPECT_EQ(LinesWith("UnjoinedLocalThreads", "false"), Without(Marked(), 0));
}

TEST(ThreadLeakOptions, DetachedEndlessLoopsOff) {
  EXPECT_EQ(LinesWith("DetachedEndlessLoops", "false"), Without(Marked(), 1));
}

TEST(ThreadLeakOptions, UnjoinedMemberThreadsOff) {
  EXPECT_EQ(LinesWith("UnjoinedMemberThreads", "false"), Without(Marked(), 2));
}

TEST(ThreadLeakOptions, UnwokenWaitsOff) {
  EXPECT_EQ(LinesWith("UnwokenWaits", "0"), Without(Marked(), 3));
}

TEST(ThreadLeakOptions, AllOffFindsNothing) {
  std::map<std::string, std::string> options;
  for (const char* option : {"UnjoinedLocalThreads", "DetachedEndlessLoops",
                             "UnjoinedMemberThreads", "UnwokenWaits"}) {
    options[std::string(kCheck) + "." + option] = "false";
  }
  EXPECT_EQ(Describe(RunLint(std::string(kPrelude) + kFourLeaks,
                             std::string(kCheck) + ",clang-diagnostic-error",
                             {}, options)),
            Describe({}));
}

}  // namespace
}  // namespace lockstep::lint::testing
