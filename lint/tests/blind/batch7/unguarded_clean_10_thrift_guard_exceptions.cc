// Connection pool in the style of Apache Thrift's server-side client
// bookkeeping: every path that touches the pool holds the Guard, including
// the ones that leave by throwing or returning early.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock/thrift_concurrency.h"

namespace apache {
namespace thrift {
namespace server {

class TConnectedClient {
public:
  explicit TConnectedClient(std::string peer) : peer_(std::move(peer)) {}
  const std::string& peer() const { return peer_; }

private:
  const std::string peer_;
};

class TooManyClientsException : public TException {
public:
  TooManyClientsException() : TException("too many concurrent clients") {}
};

class ClientRegistry {
public:
  explicit ClientRegistry(size_t limit) : limit_(limit) {}

  void add(std::shared_ptr<TConnectedClient> client) {
    concurrency::Guard g(mutex_);
    if (clients_.size() >= limit_) {
      ++rejected_;
      throw TooManyClientsException();
    }
    clients_.push_back(std::move(client));
  }

  bool remove(const TConnectedClient* client) {
    concurrency::Guard g(mutex_);
    for (auto it = clients_.begin(); it != clients_.end(); ++it) {
      if (it->get() == client) {
        clients_.erase(it);
        return true;
      }
    }
    return false;
  }

  std::vector<std::string> peers() const {
    std::vector<std::string> result;
    concurrency::Guard g(mutex_);
    result.reserve(clients_.size());
    for (const auto& client : clients_) {
      result.push_back(client->peer());
    }
    return result;
  }

  uint64_t rejected() const {
    concurrency::Guard g(mutex_);
    return rejected_;
  }

private:
  const size_t limit_;
  concurrency::Mutex mutex_;
  std::vector<std::shared_ptr<TConnectedClient>> clients_;
  uint64_t rejected_ = 0;
};

} // namespace server
} // namespace thrift
} // namespace apache
