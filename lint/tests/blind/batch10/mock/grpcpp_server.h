// Mock of the shape of grpc++'s ServerBuilder, for the test files.
#pragma once
#include <memory>
#include <string>

namespace grpc {
class ServerCredentials {};
std::shared_ptr<ServerCredentials> InsecureServerCredentials();
class Service {};
class Server {
 public:
  void Shutdown();
  void Wait();
};
class ServerBuilder {
 public:
  ServerBuilder& AddListeningPort(const std::string& addr,
                                  std::shared_ptr<ServerCredentials> creds,
                                  int* selected_port = nullptr);
  ServerBuilder& RegisterService(Service* service);
  std::unique_ptr<Server> BuildAndStart();
};
}  // namespace grpc
