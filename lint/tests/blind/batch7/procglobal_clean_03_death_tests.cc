// Death tests of the crash handler: the handler installation and the
// environment override run inside the death-test statement, which GoogleTest
// executes in a child process.

#include <signal.h>
#include <stdlib.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "mock/codec.h"

namespace zcodec {
namespace {

void InstallAbortOnCorruptionHandler() {
  struct sigaction sa = {};
  sa.sa_handler = SIG_DFL;
  sigaction(SIGSEGV, &sa, nullptr);
}

TEST(CodecDeathTest, CorruptFrameAborts) {
  const std::vector<uint8_t> corrupt = {0xff, 0x00, 0x13};
  EXPECT_DEATH(
      {
        signal(SIGABRT, SIG_DFL);
        Lz4Codec::Decompress(corrupt);
        abort();
      },
      "");
}

TEST(CodecDeathTest, ForcedUnknownCpuPathExits) {
  EXPECT_EXIT(
      {
        setenv("ZCODEC_FORCE_CPU", "neon", 1);
        SelectedCpuPath();
        exit(3);
      },
      ::testing::ExitedWithCode(3), "");
}

TEST(CodecDeathTest, SegfaultHandlerIsDefault) {
  ASSERT_DEATH(
      {
        InstallAbortOnCorruptionHandler();
        raise(SIGSEGV);
      },
      "");
}

}  // namespace
}  // namespace zcodec
