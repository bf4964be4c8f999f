// Tests for the embedded key-value store's recovery path.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

namespace kvstore {

class Store {
 public:
  explicit Store(std::string dir) : dir_(std::move(dir)) { mkdir(dir_.c_str(), 0700); }

  void Put(const std::string& k, const std::string& v) {
    data_[k] = v;
    std::ofstream(dir_ + "/wal", std::ios::app) << k << '\t' << v << '\n';
  }

  static Store Recover(const std::string& dir) {
    Store s(dir);
    std::ifstream in(dir + "/wal");
    std::string k, v;
    while (std::getline(in, k, '\t') && std::getline(in, v)) s.data_[k] = v;
    return s;
  }

  bool Get(const std::string& k, std::string* v) const {
    auto it = data_.find(k);
    if (it == data_.end()) return false;
    *v = it->second;
    return true;
  }

 private:
  std::string dir_;
  std::map<std::string, std::string> data_;
};

namespace {

class StoreRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = "/tmp/kvstore_recovery_test";  // EXPECT: concurrency-process-global-in-test
  }

  void TearDown() override {
    std::remove((dir_ + "/wal").c_str());
    rmdir(dir_.c_str());
  }

  std::string dir_;
};

TEST_F(StoreRecoveryTest, ReplaysTheLog) {
  {
    Store store(dir_);
    store.Put("alpha", "1");
    store.Put("beta", "2");
  }
  Store recovered = Store::Recover(dir_);
  std::string v;
  ASSERT_TRUE(recovered.Get("beta", &v));
  EXPECT_EQ(v, "2");
}

TEST_F(StoreRecoveryTest, SharedMemoryMirror) {
  Store mirror("/dev/shm/kvstore_mirror");  // EXPECT: concurrency-process-global-in-test
  mirror.Put("gamma", "3");
  std::string v;
  EXPECT_TRUE(mirror.Get("gamma", &v));
}

}  // namespace
}  // namespace kvstore
