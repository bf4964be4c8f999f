// Tests for a connection-draining daemon: on SIGTERM it stops accepting
// connections and finishes in-flight requests. The tests install the
// daemon's handlers and raise the signals themselves.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace drain {

std::atomic<int> g_signals_seen{0};
std::atomic<bool> g_drain_requested{false};

extern "C" void OnTerm(int) {
  g_drain_requested.store(true);
  g_signals_seen.fetch_add(1);
}

class Drainer {
 public:
  void StartRequest() { in_flight_.fetch_add(1); }
  void FinishRequest() { in_flight_.fetch_sub(1); }

  // Returns true when every request finished before the deadline.
  bool WaitDrained(std::chrono::milliseconds deadline) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (in_flight_.load() > 0) {
      if (std::chrono::steady_clock::now() > end) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }

  bool accepting() const { return !g_drain_requested.load(); }

 private:
  std::atomic<int> in_flight_{0};
};

class DrainerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    signal(SIGPIPE, SIG_IGN);  // EXPECT: concurrency-process-global-in-test
  }

  void SetUp() override {
    g_drain_requested.store(false);
    g_signals_seen.store(0);
  }
};

TEST_F(DrainerTest, SigtermStopsAccepting) {
  struct sigaction sa;
  sa.sa_handler = OnTerm;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  ASSERT_EQ(sigaction(SIGTERM, &sa, nullptr), 0);  // EXPECT: concurrency-process-global-in-test
  Drainer d;
  EXPECT_TRUE(d.accepting());
  raise(SIGTERM);
  EXPECT_FALSE(d.accepting());
  EXPECT_EQ(g_signals_seen.load(), 1);
}

TEST_F(DrainerTest, WaitsForInFlightRequests) {
  Drainer d;
  d.StartRequest();
  d.StartRequest();
  std::thread finisher([&d] {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    d.FinishRequest();
    d.FinishRequest();
  });
  EXPECT_TRUE(d.WaitDrained(std::chrono::seconds(2)));
  finisher.join();
}

TEST_F(DrainerTest, DeadlineExpires) {
  Drainer d;
  d.StartRequest();
  EXPECT_FALSE(d.WaitDrained(std::chrono::milliseconds(5)));
  d.FinishRequest();
}

TEST_F(DrainerTest, ConcurrentRequestsAllFinish) {
  Drainer d;
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i) {
    d.StartRequest();
    workers.emplace_back([&d] { d.FinishRequest(); });
  }
  for (std::thread& t : workers) t.join();
  EXPECT_TRUE(d.WaitDrained(std::chrono::milliseconds(100)));
}

TEST(DrainerStandaloneTest, AcceptsByDefault) {
  g_drain_requested.store(false);
  Drainer d;
  EXPECT_TRUE(d.accepting());
}

}  // namespace drain
