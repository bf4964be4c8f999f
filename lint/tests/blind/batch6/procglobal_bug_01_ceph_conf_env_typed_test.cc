// Ceph-style config parsing tests, typed over the two config backends. The
// tests steer the parser through CEPH_ARGS in the environment, which every
// test and thread of the binary shares.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <map>
#include <string>

#include "mock/ceph_mutex.h"

struct IniBackend {
  static std::map<std::string, std::string> parse(const std::string& args);
};
struct YamlBackend {
  static std::map<std::string, std::string> parse(const std::string& args);
};

template <typename Backend>
class ConfigParseTest : public ::testing::Test {
 protected:
  std::map<std::string, std::string> ParseFromEnvironment() {
    std::lock_guard l{lock_};
    const char* args = getenv("CEPH_ARGS");
    return Backend::parse(args ? args : "");
  }

  void TearDown() override {
    unsetenv("CEPH_ARGS");  // EXPECT: concurrency-process-global-in-test
  }

  ceph::mutex lock_ = ceph::make_mutex("ConfigParseTest::lock_");
};

using Backends = ::testing::Types<IniBackend, YamlBackend>;
TYPED_TEST_SUITE(ConfigParseTest, Backends);

TYPED_TEST(ConfigParseTest, ArgsOverrideDefaults) {
  setenv("CEPH_ARGS", "--osd_op_num_shards=8 --ms_type=async+posix", 1);  // EXPECT: concurrency-process-global-in-test
  auto values = this->ParseFromEnvironment();
  EXPECT_EQ(values["osd_op_num_shards"], "8");
  EXPECT_EQ(values["ms_type"], "async+posix");
}

TYPED_TEST(ConfigParseTest, EmptyArgsGiveNoValues) {
  auto values = TypeParam::parse("");
  EXPECT_TRUE(values.empty());
}
