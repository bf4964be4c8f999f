// Tests for a ring-buffer queue. The fixture starts a consumer thread in
// SetUp() and joins it in TearDown(), which GoogleTest runs before the
// fixture is destroyed.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace ring {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : buf_(capacity) {}

  void Push(T v) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [this] { return size_ < buf_.size(); });
    buf_[(head_ + size_) % buf_.size()] = std::move(v);
    ++size_;
    not_empty_.notify_one();
  }

  bool Pop(T* out) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [this] { return closed_ || size_ > 0; });
    if (size_ == 0) return false;
    *out = std::move(buf_[head_]);
    head_ = (head_ + 1) % buf_.size();
    --size_;
    not_full_.notify_one();
    return true;
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::vector<T> buf_;
  size_t head_ = 0;
  size_t size_ = 0;
  bool closed_ = false;
};

class BoundedQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    consumer_ = std::thread([this] {
      int v;
      while (queue_.Pop(&v)) {
        sum_.fetch_add(v);
        count_.fetch_add(1);
      }
    });
  }

  void TearDown() override {
    queue_.Close();
    consumer_.join();
  }

  BoundedQueue<int> queue_{4};
  std::atomic<int64_t> sum_{0};
  std::atomic<int> count_{0};
  std::thread consumer_;
};

TEST_F(BoundedQueueTest, DeliversEverythingInOrderOfPush) {
  for (int i = 1; i <= 100; ++i) queue_.Push(i);
  queue_.Close();
  consumer_.join();
  consumer_ = std::thread([] {});  // TearDown joins whatever is left
  EXPECT_EQ(count_.load(), 100);
  EXPECT_EQ(sum_.load(), 5050);
}

TEST_F(BoundedQueueTest, PushBlocksWhenFullUntilConsumed) {
  std::atomic<bool> pushed_all{false};
  std::thread producer([this, &pushed_all] {
    for (int i = 0; i < 20; ++i) queue_.Push(1);
    pushed_all.store(true);
  });
  producer.join();
  EXPECT_TRUE(pushed_all.load());
}

TEST(BoundedQueueStandaloneTest, PopOnClosedEmptyQueueReturnsFalse) {
  BoundedQueue<int> q(2);
  q.Close();
  int v = 0;
  EXPECT_FALSE(q.Pop(&v));
}

}  // namespace ring
