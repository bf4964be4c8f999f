// Echo server test that binds port 0 and reads back the port the kernel
// chose with getsockname(); the client connects to that port, taken from a
// variable. A unix: address is used for the admin endpoint.
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
#define EXPECT_EQ(a, b) ((void)((a) == (b)))

namespace echo {

inline void EchoOnce(int listener) {
  const int client = ::accept(listener, nullptr, nullptr);
  char buf[64];
  const ssize_t n = ::read(client, buf, sizeof(buf));
  if (n > 0) ::write(client, buf, static_cast<size_t>(n));
  ::close(client);
}

inline sockaddr_in Loopback(uint16_t port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  return addr;
}

TEST(EchoServerTest, EchoesOnEphemeralPort) {
  const std::string admin_address = "unix:echo_admin.sock";
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(0);
  ::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  ::listen(listener, 1);
  socklen_t len = sizeof(addr);
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
  const uint16_t port = ntohs(addr.sin_port);

  std::thread server([listener] { EchoOnce(listener); });
  sockaddr_in target = Loopback(port);
  target.sin_port = htons(port);
  const int client = ::socket(AF_INET, SOCK_STREAM, 0);
  ::connect(client, reinterpret_cast<sockaddr*>(&target), sizeof(target));
  ::write(client, "hi", 2);
  char reply[2];
  EXPECT_EQ(::read(client, reply, sizeof(reply)), 2);
  server.join();
  ::close(client);
  ::close(listener);
  EXPECT_EQ(admin_address.empty(), false);
}

}  // namespace echo
