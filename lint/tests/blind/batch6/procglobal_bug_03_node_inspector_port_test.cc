// Node.js-style inspector socket tests: the server under test is bound to
// the inspector's well-known port, and a probe thread drops its marker file
// in /dev/shm under a fixed name.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <thread>

#include "mock/node_mutex.h"

namespace node {
namespace inspector {

class InspectorSocketServer {
 public:
  bool Start(int listen_fd);
  void Stop();
  int connections() const;
};

TEST(InspectorSocketServerTest, AcceptsDevToolsConnection) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(9229);  // EXPECT: concurrency-process-global-in-test
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(listen(fd, 8), 0);

  InspectorSocketServer server;
  ASSERT_TRUE(server.Start(fd));

  Mutex mutex;
  bool probed = false;
  std::thread probe([&mutex, &probed] {
    std::ofstream marker("/dev/shm/node_inspector_probe");  // EXPECT: concurrency-process-global-in-test
    marker << "probe\n";
    Mutex::ScopedLock lock(mutex);
    probed = true;
  });
  probe.join();

  {
    Mutex::ScopedLock lock(mutex);
    EXPECT_TRUE(probed);
  }
  server.Stop();
  close(fd);
}

}  // namespace inspector
}  // namespace node
