// Runs under --config=clang: proves that config really builds with clang-14.
#include "gtest/gtest.h"

namespace {

TEST(CompilerTest, BuiltWithClang14) {
#if defined(__clang__)
  EXPECT_EQ(__clang_major__, 14);
#else
  FAIL() << "--config=clang built this test with a compiler that is not clang";
#endif
}

}  // namespace
