#include "tests/sanitizers/bounded_queue.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace lockstep::sanitizers {
namespace {

TEST(BoundedQueueTest, ManyProducersAndConsumersDeliverEveryItemOnce) {
  constexpr int kProducers = 4;
  constexpr int kConsumers = 3;
  constexpr int kItemsPerProducer = 2000;
  BoundedQueue<std::unique_ptr<std::string>> queue(8);
  std::atomic<long> sum{0};
  std::atomic<int> received{0};

  std::vector<std::thread> consumers;
  for (int c = 0; c < kConsumers; ++c) {
    consumers.emplace_back([&] {
      while (auto item = queue.Pop()) {
        sum += std::stol(**item);
        ++received;
      }
    });
  }
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.emplace_back([&, p] {
      for (int i = 0; i < kItemsPerProducer; ++i) {
        ASSERT_TRUE(queue.Push(std::make_unique<std::string>(
            std::to_string(p * kItemsPerProducer + i))));
      }
    });
  }
  for (auto& t : producers) t.join();
  queue.Close();
  for (auto& t : consumers) t.join();

  constexpr long kTotal = kProducers * kItemsPerProducer;
  EXPECT_EQ(received.load(), kTotal);
  EXPECT_EQ(sum.load(), kTotal * (kTotal - 1) / 2);
}

TEST(BoundedQueueTest, CloseWakesBlockedProducer) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.Push(1));
  std::atomic<bool> push_result{true};
  std::thread producer([&] { push_result = queue.Push(2); });
  queue.Close();
  producer.join();
  EXPECT_FALSE(push_result.load());
  EXPECT_EQ(queue.Pop(), 1);  // items queued before Close still drain
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

}  // namespace
}  // namespace lockstep::sanitizers
