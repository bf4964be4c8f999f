// Tests for the bounded work queue under concurrent producers.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace {

class WorkQueue {
 public:
  void Push(int v) {
    std::lock_guard<std::mutex> lock(mu_);
    items_.push_back(v);
    cv_.notify_one();
  }
  bool PopFor(int* out, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, timeout, [this] { return !items_.empty(); })) return false;
    *out = items_.front();
    items_.pop_front();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<int> items_;
};

class WorkQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    consumer_ = std::thread([this] {
      int v;
      while (!done_.load()) {
        if (queue_.PopFor(&v, std::chrono::milliseconds(10))) consumed_.fetch_add(v);
      }
      while (queue_.PopFor(&v, std::chrono::milliseconds(0))) consumed_.fetch_add(v);
    });
  }

  void TearDown() override { StopConsumer(); }

  void StopConsumer() {
    done_.store(true);
    if (consumer_.joinable()) consumer_.join();
  }

  WorkQueue queue_;
  std::atomic<bool> done_{false};
  std::atomic<long> consumed_{0};
  std::thread consumer_;
};

TEST_F(WorkQueueTest, ProducersAreAllConsumed) {
  std::vector<std::thread> producers;
  for (int p = 0; p < 4; ++p) {
    producers.emplace_back([this] {
      for (int i = 1; i <= 100; ++i) queue_.Push(i);
    });
  }
  for (std::thread& t : producers) t.join();
  StopConsumer();
  EXPECT_EQ(consumed_.load(), 4 * 5050);
}

}  // namespace
