//
// Copyright 2023 gRPC authors.
//
// Keepalive manager of a client transport. The timer thread sends pings;
// the channel's shutdown path closes the endpoint.
//

#include "grpc_core/sync.h"
#include "grpc_core/closure.h"

#include <cstdint>
#include <string>

namespace grpc_core {

class Endpoint {
 public:
  virtual ~Endpoint() = default;
  virtual bool Write(const std::string& frame) = 0;
  virtual void Close() = 0;
  virtual std::string peer() const = 0;
};

class KeepaliveManager {
 public:
  explicit KeepaliveManager(Endpoint* endpoint) : endpoint_(endpoint) {}

  // Timer thread, every keepalive interval.
  void OnKeepaliveTimer() {
    {
      MutexLock lock(&mu_);
      if (shutdown_) return;
      ++pings_sent_;
    }
    const std::string ping = EncodePing(pings_sent_for_log());
    if (!endpoint_->Write(ping)) {  // EXPECT: concurrency-use-after-close
      MutexLock lock(&mu_);
      ++ping_failures_;
    }
  }

  void Shutdown(const Status& why) {
    MutexLock lock(&mu_);
    if (shutdown_) return;
    shutdown_ = true;
    shutdown_reason_ = why.message();
    endpoint_->Close();
    endpoint_ = nullptr;
  }

  std::string Describe() {
    MutexLock lock(&mu_);
    return "pings=" + std::to_string(pings_sent_) +
           " failures=" + std::to_string(ping_failures_) +
           (shutdown_ ? " shut down: " + shutdown_reason_ : std::string());
  }

 private:
  static std::string EncodePing(uint64_t id) {
    return std::string("\x00\x00\x08\x06\x00\x00\x00\x00\x00", 9) + std::to_string(id);
  }

  uint64_t pings_sent_for_log() {
    MutexLock lock(&mu_);
    return pings_sent_;
  }

  Mutex mu_;
  Endpoint* endpoint_;
  bool shutdown_ ABSL_GUARDED_BY(&mu_) = false;
  std::string shutdown_reason_ ABSL_GUARDED_BY(&mu_);
  uint64_t pings_sent_ ABSL_GUARDED_BY(&mu_) = 0;
  uint64_t ping_failures_ ABSL_GUARDED_BY(&mu_) = 0;
};

}  // namespace grpc_core
