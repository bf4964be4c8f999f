// Minimal stand-in for the parts of grpc++ used by the tests here.
#ifndef BATCH4_MOCK_GRPCPP_LIKE_H_
#define BATCH4_MOCK_GRPCPP_LIKE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace grpc {

class ServerCredentials {};
inline std::shared_ptr<ServerCredentials> InsecureServerCredentials() {
  return std::make_shared<ServerCredentials>();
}

class Service {
 public:
  virtual ~Service() = default;
};

class Server {
 public:
  explicit Server(std::vector<std::string> addresses) : addresses_(std::move(addresses)) {}
  void Shutdown() { shut_down_ = true; }
  void Wait() {}
  const std::vector<std::string>& addresses() const { return addresses_; }

 private:
  std::vector<std::string> addresses_;
  bool shut_down_ = false;
};

class ServerBuilder {
 public:
  ServerBuilder& AddListeningPort(const std::string& addr_uri,
                                  std::shared_ptr<ServerCredentials> creds,
                                  int* selected_port = nullptr) {
    addresses_.push_back(addr_uri);
    if (selected_port != nullptr) *selected_port = 40000 + static_cast<int>(addresses_.size());
    return *this;
  }
  ServerBuilder& RegisterService(Service* service) {
    services_.push_back(service);
    return *this;
  }
  std::unique_ptr<Server> BuildAndStart() {
    return std::make_unique<Server>(addresses_);
  }

 private:
  std::vector<std::string> addresses_;
  std::vector<Service*> services_;
};

}  // namespace grpc

#endif  // BATCH4_MOCK_GRPCPP_LIKE_H_
