// A GoogleTest fixture for a Ceph-style message dispatcher: SetUp() starts
// the dispatch thread and TearDown() stops and joins it; the TYPED_TEST
// bodies start their own producer threads and join them before asserting.
#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <string>
#include <thread>
#include <vector>

#include "mock/ceph_mutex.h"

template <typename Payload>
class DispatchQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dispatcher_ = std::thread([this] {
      std::unique_lock l{lock_};
      for (;;) {
        cond_.wait(l, [this] { return stop_ || !queue_.empty(); });
        if (stop_ && queue_.empty()) return;
        queue_.pop_front();
        ++dispatched_;
      }
    });
  }

  void TearDown() override {
    {
      std::lock_guard l{lock_};
      stop_ = true;
    }
    cond_.notify_all();
    dispatcher_.join();
  }

  void Enqueue(Payload p) {
    std::lock_guard l{lock_};
    queue_.push_back(std::move(p));
    cond_.notify_one();
  }

  ceph::mutex lock_ = ceph::make_mutex("DispatchQueueTest::lock_");
  ceph::condition_variable cond_;
  std::deque<Payload> queue_;
  bool stop_ = false;
  std::atomic<int> dispatched_{0};
  std::thread dispatcher_;
};

using PayloadTypes = ::testing::Types<int, std::string>;
TYPED_TEST_SUITE(DispatchQueueTest, PayloadTypes);

TYPED_TEST(DispatchQueueTest, AllMessagesAreDispatched) {
  std::vector<std::thread> producers;
  for (int p = 0; p < 4; ++p) {
    producers.emplace_back([this] {
      for (int i = 0; i < 100; ++i) this->Enqueue(TypeParam());
    });
  }
  for (std::thread& t : producers) t.join();
  while (this->dispatched_.load() < 400) std::this_thread::yield();
  EXPECT_EQ(this->dispatched_.load(), 400);
}
