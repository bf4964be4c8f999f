// Server-side bookkeeping for channelz: the node is created the first time
// an admin RPC asks for it. Calls are tracked under the server mutex.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mock/grpc_sync.h"

namespace grpc_core {

class ChannelzServerNode {
 public:
  explicit ChannelzServerNode(std::string target) : target_(std::move(target)) {}
  void RecordCallStarted() { ++calls_started_; }
  const std::string& target() const { return target_; }

 private:
  std::string target_;
  int64_t calls_started_ = 0;
};

class Server {
 public:
  explicit Server(std::string target) : target_(std::move(target)) {}

  void OnCallStarted(int64_t call_id);
  void OnCallFinished(int64_t call_id);
  size_t active_calls();
  std::shared_ptr<ChannelzServerNode> channelz_node();

 private:
  const std::string target_;
  Mutex mu_;
  std::vector<int64_t> active_calls_ ABSL_GUARDED_BY(mu_);
  std::shared_ptr<ChannelzServerNode> channelz_node_;
};

void Server::OnCallStarted(int64_t call_id) {
  MutexLock lock(&mu_);
  active_calls_.push_back(call_id);
}

void Server::OnCallFinished(int64_t call_id) {
  MutexLock lock(&mu_);
  for (auto it = active_calls_.begin(); it != active_calls_.end(); ++it) {
    if (*it == call_id) {
      active_calls_.erase(it);
      break;
    }
  }
}

size_t Server::active_calls() {
  MutexLock lock(&mu_);
  return active_calls_.size();
}

// Called from the channelz admin service, on whichever thread serves it.
std::shared_ptr<ChannelzServerNode> Server::channelz_node() {
  if (channelz_node_ == nullptr) {  // EXPECT: concurrency-lazy-init-race
    channelz_node_ = std::make_shared<ChannelzServerNode>(target_);
  }
  return channelz_node_;
}

}  // namespace grpc_core
