// Round-trip tests of every codec, and of the shared-memory frame ring that
// carries compressed frames between processes.

#include <stdlib.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mock/codec.h"

namespace zcodec {
namespace {

template <typename Codec>
class CodecRoundTripTest : public ::testing::Test {};

using Codecs = ::testing::Types<Lz4Codec, ZstdCodec>;
TYPED_TEST_SUITE(CodecRoundTripTest, Codecs);

TYPED_TEST(CodecRoundTripTest, DefaultCpuPathRoundTrips) {
  unsetenv("ZCODEC_FORCE_CPU");  // EXPECT: concurrency-process-global-in-test
  const std::vector<uint8_t> input(4096, 0x5a);
  EXPECT_EQ(TypeParam::Decompress(TypeParam::Compress(input)), input);
}

class ShmRingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ring_path_ = new std::string("/dev/shm/zcodec_ring_test");  // EXPECT: concurrency-process-global-in-test
  }
  static void TearDownTestSuite() {
    delete ring_path_;
    ring_path_ = nullptr;
  }

  static std::string* ring_path_;
};

std::string* ShmRingTest::ring_path_ = nullptr;

TEST_F(ShmRingTest, PushPopPreservesFrames) {
  ShmRing ring(*ring_path_, 1 << 16);
  const std::vector<uint8_t> frame = {1, 2, 3, 4};
  ASSERT_TRUE(ring.Push(frame));
  std::vector<uint8_t> out;
  ASSERT_TRUE(ring.Pop(&out));
  EXPECT_EQ(out, frame);
}

}  // namespace
}  // namespace zcodec
