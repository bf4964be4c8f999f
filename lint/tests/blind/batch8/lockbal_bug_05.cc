//
// Copyright 2023 gRPC authors.
//
// Server call registry. The server's lock orders before each call's lock:
// shutdown walks the calls with the server lock held.
//

#include "grpc_core/sync.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace grpc_core {

class ServerRegistry;

extern Mutex g_server_mu;

class CallData {
 public:
  explicit CallData(std::string method) : method_(std::move(method)) {}

  void Cancel() {
    MutexLock lock(&mu_);
    cancelled_ = true;
  }

  bool cancelled() {
    MutexLock lock(&mu_);
    return cancelled_;
  }

  const std::string& method() const { return method_; }

  Mutex mu_ ABSL_ACQUIRED_AFTER(g_server_mu);

 private:
  const std::string method_;
  bool cancelled_ ABSL_GUARDED_BY(&mu_) = false;
};

Mutex g_server_mu;

class ServerRegistry {
 public:
  void Register(uint64_t id, std::shared_ptr<CallData> call) {
    MutexLock lock(&g_server_mu);
    calls_[id] = std::move(call);
  }

  // Called when a call completes: drops it from the registry.
  void OnCallDone(const std::shared_ptr<CallData>& call, uint64_t id) {
    MutexLock call_lock(&call->mu_);
    MutexLock server_lock(&g_server_mu);  // EXPECT: concurrency-lock-balance
    calls_.erase(id);
  }

  void Shutdown() {
    MutexLock lock(&g_server_mu);
    for (auto& kv : calls_) kv.second->Cancel();
    calls_.clear();
  }

 private:
  std::map<uint64_t, std::shared_ptr<CallData>> calls_ ABSL_GUARDED_BY(&g_server_mu);
};

}  // namespace grpc_core
