// Tests for the pipe-based log shipper. Writes to a closed pipe must fail
// with EPIPE instead of killing the test binary.

#include <gtest/gtest.h>

#include <csignal>
#include <cerrno>
#include <string>
#include <thread>
#include <unistd.h>

namespace shipper {

// Returns false and sets *err when the write fails.
bool ShipLine(int fd, const std::string& line, int* err) {
  std::string framed = line + "\n";
  ssize_t n = write(fd, framed.data(), framed.size());
  if (n < 0) {
    *err = errno;
    return false;
  }
  return static_cast<size_t>(n) == framed.size();
}

}  // namespace shipper

class LogShipperTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    signal(SIGPIPE, SIG_IGN);  // EXPECT: concurrency-process-global-in-test
  }
};

TEST_F(LogShipperTest, ShipsWholeLine) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  int err = 0;
  EXPECT_TRUE(shipper::ShipLine(fds[1], "hello", &err));
  char buf[16] = {};
  EXPECT_EQ(read(fds[0], buf, sizeof(buf)), 6);
  close(fds[0]);
  close(fds[1]);
}

TEST_F(LogShipperTest, ReportsEpipeFromAnotherThread) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  close(fds[0]);
  const int write_end = fds[1];
  int err = 0;
  bool ok = true;
  std::thread writer([&ok, &err, write_end] {
    struct sigaction sa = {};
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, nullptr);  // EXPECT: concurrency-process-global-in-test
    ok = shipper::ShipLine(write_end, "late", &err);
  });
  writer.join();
  close(write_end);
  EXPECT_FALSE(ok);
  EXPECT_EQ(err, EPIPE);
}
