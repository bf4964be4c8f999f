//
// Copyright 2023 gRPC authors.
//
// Pick-first load balancing: picks are served from the call threads; the
// subchannel's state changes arrive from the work serializer.
//

#include "grpc_core/sync.h"
#include "grpc_core/closure.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace grpc_core {

class PickFirstPicker {
 public:
  using QueuedPick = std::function<void(const std::string& address)>;

  // Either completes the pick now or queues it until a subchannel is ready.
  void Pick(QueuedPick on_pick) {
    ReleasableMutexLock lock(&mu_);
    if (selected_.empty()) {
      queued_.push_back(std::move(on_pick));
      lock.Release();
      return;
    }
    const std::string address = selected_;
    ++picks_;
    lock.Release();
    on_pick(address);
  }

  void OnSubchannelReady(const std::string& address) {
    ReleasableMutexLock lock(&mu_);
    selected_ = address;
    std::vector<QueuedPick> queued = std::move(queued_);
    queued_.clear();
    picks_ += queued.size();
    if (queued.empty()) {
      lock.Release();
    }
    lock.Release();  // EXPECT: concurrency-lock-balance
    for (auto& pick : queued) {
      pick(address);
    }
  }

  void OnSubchannelLost() {
    MutexLock lock(&mu_);
    selected_.clear();
  }

  size_t picks() {
    MutexLock lock(&mu_);
    return picks_;
  }

 private:
  Mutex mu_;
  std::string selected_ ABSL_GUARDED_BY(&mu_);
  std::vector<QueuedPick> queued_ ABSL_GUARDED_BY(&mu_);
  size_t picks_ ABSL_GUARDED_BY(&mu_) = 0;
};

}  // namespace grpc_core
