// Echo server test that binds a hard-coded port: two concurrent runs of the
// binary (or another service on the machine) fail to bind 9090.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
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

#define TEST(suite, name)                                  \
  class suite##_##name##_Test : public ::testing::Test {   \
   public:                                                 \
    void TestBody() override;                              \
  };                                                       \
  void suite##_##name##_Test::TestBody()
#define ASSERT_EQ(a, b) \
  if (!((a) == (b))) return
#define EXPECT_EQ(a, b) ((void)((a) == (b)))

namespace echo {

inline void EchoOnce(int listener) {
  const int client = ::accept(listener, nullptr, nullptr);
  char buf[256];
  const ssize_t n = ::read(client, buf, sizeof(buf));
  if (n > 0) ::write(client, buf, static_cast<size_t>(n));
  ::close(client);
}

TEST(EchoServerTest, EchoesOneLine) {
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(9090);  // EXPECT: concurrency-process-global-in-test
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(::listen(listener, 1), 0);
  std::thread server([listener] { EchoOnce(listener); });

  const int client = ::socket(AF_INET, SOCK_STREAM, 0);
  ::connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  ::write(client, "ping", 4);
  char reply[4];
  EXPECT_EQ(::read(client, reply, sizeof(reply)), 4);
  server.join();
  ::close(client);
  ::close(listener);
}

}  // namespace echo
