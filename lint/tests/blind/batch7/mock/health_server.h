// Stand-in for a service's HTTP health endpoint (the code under test).
// Declarations only.
#ifndef BATCH7_MOCK_HEALTH_SERVER_H_
#define BATCH7_MOCK_HEALTH_SERVER_H_

#include <netinet/in.h>

#include <string>

namespace svc {

class HealthServer {
 public:
  // Serves on an already bound and listening socket.
  explicit HealthServer(int listen_fd);
  ~HealthServer();
  bool Start();
  void Stop();
  void SetStatus(const std::string& status);
};

// Sends "GET /healthz" to addr and returns the response body.
std::string FetchHealth(const sockaddr_in& addr);

}  // namespace svc

#endif  // BATCH7_MOCK_HEALTH_SERVER_H_
