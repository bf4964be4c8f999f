// Pick queue for the gRPC client channel: calls that arrive before a picker is
// available are queued; when a picker arrives they are re-processed. The lock
// is released early on the paths that call out to the picker.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "grpc_sync.h"

namespace grpc_core {

enum class PickResult { kComplete, kQueue, kFail, kDrop };

struct PendingCall {
  uint64_t call_id = 0;
  std::string method;
};

class SubchannelPicker {
 public:
  virtual ~SubchannelPicker() = default;
  virtual PickResult Pick(const PendingCall& call) = 0;
};

class PickQueue {
 public:
  // Returns true if the call was picked immediately.
  bool StartPick(const PendingCall& call) {
    ReleasableMutexLock lock(&mu_);
    if (shutdown_) {
      ++failed_;
      return false;
    }
    std::shared_ptr<SubchannelPicker> picker = picker_;
    if (picker == nullptr) {
      queued_.push_back(call);
      return false;
    }
    lock.Release();
    PickResult r = picker->Pick(call);
    if (r == PickResult::kQueue) {
      MutexLock relock(&mu_);
      queued_.push_back(call);
      return false;
    }
    return r == PickResult::kComplete;
  }

  void UpdatePicker(std::shared_ptr<SubchannelPicker> picker) {
    std::deque<PendingCall> to_retry;
    {
      MutexLock lock(&mu_);
      picker_ = picker;
      to_retry.swap(queued_);
    }
    for (const PendingCall& call : to_retry) StartPick(call);
  }

  void Shutdown() {
    ReleasableMutexLock lock(&mu_);
    if (shutdown_) return;
    shutdown_ = true;
    size_t dropped = queued_.size();
    queued_.clear();
    failed_ += dropped;
    lock.Release();
    GRPC_TRACE_LOG(client_channel) << "pick queue shut down, dropped " << dropped;
  }

  uint64_t failed() {
    MutexLock lock(&mu_);
    return failed_;
  }

 private:
  Mutex mu_;
  std::shared_ptr<SubchannelPicker> picker_ ABSL_GUARDED_BY(mu_);
  std::deque<PendingCall> queued_ ABSL_GUARDED_BY(mu_);
  bool shutdown_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t failed_ ABSL_GUARDED_BY(mu_) = 0;
};

class RoundRobinPicker : public SubchannelPicker {
 public:
  PickResult Pick(const PendingCall& call) override {
    return call.method.empty() ? PickResult::kFail : PickResult::kComplete;
  }
};

}  // namespace grpc_core
