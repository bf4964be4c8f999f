// concurrency-lazy-init-race and where the tested variable lives: every
// variable with static storage duration is shared by all threads (a
// function-local static, a namespace-scope variable, a static data member);
// a thread_local has one copy per thread.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-lazy-init-race";

// The program starts threads, so any thread may call the accessors.
constexpr char kThreads[] = R"code(
void Serve();
inline void StartServing() {
  std::thread worker([] { Serve(); });
  worker.join();
}
)code";

TEST(LazyInitRaceStorage, NamespaceScopePointerFilledOnFirstUse) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kThreads) + R"code(
struct Registry {
  std::vector<std::string> names;
};
Registry* g_registry = nullptr;
Registry& GlobalRegistry() {
  if (g_registry == nullptr) g_registry = new Registry;  // WARN
  return *g_registry;
}
)code",
                             kCheck);
}

TEST(LazyInitRaceStorage, StaticDataMemberFilledOnFirstUse) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kThreads) + R"code(
class Clock {
 public:
  static Clock* Default() {
    if (!default_) default_ = new Clock;  // WARN
    return default_;
  }
 private:
  static Clock* default_;
};
Clock* Clock::default_ = nullptr;
)code",
                             kCheck);
}

TEST(LazyInitRaceStorage, ThreadLocalStateIsPerThread) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kThreads) + R"code(
struct Arena {
  char bytes[256];
};
Arena* ThreadArena() {
  thread_local Arena* arena = nullptr;
  if (arena == nullptr) arena = new Arena;
  return arena;
}
std::string* ThreadBuffer() {
  static thread_local std::unique_ptr<std::string> buffer;
  if (!buffer) buffer = std::make_unique<std::string>();
  return buffer.get();
}
thread_local int* t_counter = nullptr;
int* Counter() {
  if (t_counter == nullptr) t_counter = new int(0);
  return t_counter;
}
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
