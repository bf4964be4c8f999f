// Test fixture for a gossip membership table: SetUp() starts a background
// gossip thread, TearDown() stops and joins it before the fixture is
// destroyed.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace gossip {

class MembershipTable {
 public:
  void Add(const std::string& member) {
    std::lock_guard<std::mutex> lock(mu_);
    members_.insert(member);
  }
  size_t Size() {
    std::lock_guard<std::mutex> lock(mu_);
    return members_.size();
  }

 private:
  std::mutex mu_;
  std::set<std::string> members_;
};

class MembershipTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gossiper_ = std::thread([this] {
      int round = 0;
      while (!stop_.load()) {
        table_.Add("node-" + std::to_string(round++ % 4));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
  }

  void TearDown() override {
    stop_.store(true);
    gossiper_.join();
  }

  MembershipTable table_;
  std::atomic<bool> stop_{false};
  std::thread gossiper_;
};

TEST_F(MembershipTableTest, ConvergesToAllNodes) {
  for (int i = 0; i < 1000 && table_.Size() < 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(table_.Size(), 4u);
}

}  // namespace gossip
