// Tests of the pub/sub bus with a background subscriber that the fixture
// starts in SetUp() and joins in TearDown().

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "mock/pubsub.h"

namespace pubsub {
namespace {

class BusSubscriberTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bus_ = std::make_unique<Bus>();
    subscriber_ = std::thread([this] {
      while (!done_.load()) {
        std::optional<std::string> msg = bus_->Receive("events", std::chrono::milliseconds(20));
        if (!msg) continue;
        std::lock_guard<std::mutex> lock(mu_);
        received_.push_back(*msg);
      }
    });
  }

  void TearDown() override {
    done_.store(true);
    bus_->Shutdown();
    subscriber_.join();
  }

  std::vector<std::string> Received() {
    std::lock_guard<std::mutex> lock(mu_);
    return received_;
  }

  std::unique_ptr<Bus> bus_;
  std::atomic<bool> done_{false};
  std::mutex mu_;
  std::vector<std::string> received_;
  std::thread subscriber_;
};

TEST_F(BusSubscriberTest, DeliversPublishedEvent) {
  bus_->Publish("events", "hello");
  for (int i = 0; i < 100 && Received().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(Received().size(), 1u);
  EXPECT_EQ(Received()[0], "hello");
}

TEST_F(BusSubscriberTest, IgnoresOtherTopics) {
  bus_->Publish("metrics", "cpu=3");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_TRUE(Received().empty());
}

}  // namespace
}  // namespace pubsub
