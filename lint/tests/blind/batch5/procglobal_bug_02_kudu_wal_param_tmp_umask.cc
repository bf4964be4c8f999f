// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

namespace kudu {
namespace log {

struct WalTestParam {
  const char* name;
  size_t segment_size;
  bool preallocate;
};

class WalSegmentTest : public ::testing::TestWithParam<WalTestParam> {};

bool WriteSegment(const std::string& path, size_t size, bool preallocate) {
  int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0666);
  if (fd < 0) return false;
  std::vector<char> zeros(preallocate ? size : size / 2, 0);
  bool ok = ::write(fd, zeros.data(), zeros.size()) == static_cast<ssize_t>(zeros.size());
  ::close(fd);
  return ok;
}

TEST_P(WalSegmentTest, SegmentIsCreatedWithGroupReadablePermissions) {
  const WalTestParam& param = GetParam();
  umask(027);  // EXPECT: concurrency-process-global-in-test
  const std::string path = "/tmp/kudu-wal-segment-" + std::string(param.name);  // EXPECT: concurrency-process-global-in-test

  ASSERT_TRUE(WriteSegment(path, param.segment_size, param.preallocate));

  struct stat st;
  ASSERT_EQ(0, ::stat(path.c_str(), &st));
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(static_cast<size_t>(st.st_size),
            param.preallocate ? param.segment_size : param.segment_size / 2);
  std::remove(path.c_str());
}

TEST_P(WalSegmentTest, RewritingTruncates) {
  const WalTestParam& param = GetParam();
  const std::string path = ::testing::TempDir() + "wal-rewrite-" + param.name;
  ASSERT_TRUE(WriteSegment(path, param.segment_size, true));
  ASSERT_TRUE(WriteSegment(path, param.segment_size, false));
  struct stat st;
  ASSERT_EQ(0, ::stat(path.c_str(), &st));
  EXPECT_EQ(static_cast<size_t>(st.st_size), param.segment_size / 2);
  std::remove(path.c_str());
}

INSTANTIATE_TEST_SUITE_P(Segments, WalSegmentTest,
                         ::testing::Values(WalTestParam{"small", 4096, true},
                                           WalTestParam{"sparse", 65536, false},
                                           WalTestParam{"large", 1 << 20, true}),
                         [](const ::testing::TestParamInfo<WalTestParam>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace log
}  // namespace kudu
