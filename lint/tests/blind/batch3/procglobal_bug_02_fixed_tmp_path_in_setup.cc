// Blob store fixture that opens its database at a fixed /tmp path in
// SetUp(): concurrent runs of the test binary (sharding, --runs_per_test)
// share and clobber the same file.
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

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

namespace blob {

class BlobStore {
 public:
  explicit BlobStore(std::string path) : path_(std::move(path)) {}
  bool Put(const std::string& key, const std::string& value) {
    std::ofstream out(path_, std::ios::app);
    out << key << '\t' << value << '\n';
    return static_cast<bool>(out);
  }

 private:
  std::string path_;
};

class BlobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/blob_store_test.db";  // EXPECT: concurrency-process-global-in-test
    store_ = new BlobStore(path_);
  }
  void TearDown() override {
    delete store_;
    std::remove(path_.c_str());
  }

  std::string path_;
  BlobStore* store_ = nullptr;
};

TEST_F(BlobStoreTest, PutAppendsRecord) {
  EXPECT_TRUE(store_->Put("k1", "v1"));
}

}  // namespace blob
