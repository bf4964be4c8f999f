// Replication test fixture: SetUp() starts a fake primary on a member
// thread, TearDown() stops and joins it. GoogleTest always runs TearDown()
// after SetUp() succeeds and before destroying the fixture.
#include <atomic>
#include <chrono>
#include <thread>

namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
  virtual void TestBody() = 0;
};
}  // namespace testing

#define TEST_F(fixture, name)                        \
  class fixture##_##name##_Test : public fixture {   \
   public:                                           \
    void TestBody() override;                        \
  };                                                 \
  void fixture##_##name##_Test::TestBody()
#define EXPECT_TRUE(c) ((void)(c))

namespace replication {

class FakePrimary {
 public:
  void Serve(const std::atomic<bool>* stop) {
    while (!stop->load()) {
      served_.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  long served() const { return served_.load(); }

 private:
  std::atomic<long> served_{0};
};

class ReplicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    primary_thread_ = std::thread([this] { primary_.Serve(&stop_); });
  }
  void TearDown() override {
    stop_.store(true);
    if (primary_thread_.joinable()) primary_thread_.join();
  }

  FakePrimary primary_;
  std::atomic<bool> stop_{false};
  std::thread primary_thread_;
};

TEST_F(ReplicationTest, PrimaryServes) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_TRUE(primary_.served() >= 0);
}

}  // namespace replication
