//
// Copyright 2023 gRPC authors.
//
// Channelz-style call counters for a server. The hot path never blocks: when
// the lock is contended the sample goes to an atomic overflow counter.
//

#include "grpc_core/sync.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace grpc_core {

class ServerCallCounters {
 public:
  void RecordCallStarted(int64_t now_ms) {
    if (mu_.TryLock()) {
      ++calls_started_;
      last_call_started_ms_ = now_ms;
      mu_.Unlock();
      return;
    }
    overflow_started_.fetch_add(1, std::memory_order_relaxed);
  }

  void RecordCallFinished(bool ok) {
    MutexLock lock(&mu_);
    RecordFinishedLocked(ok);
  }

  std::string Render() {
    MutexLock lock(&mu_);
    const int64_t started =
        calls_started_ + overflow_started_.load(std::memory_order_relaxed);
    return "started=" + std::to_string(started) +
           " succeeded=" + std::to_string(calls_succeeded_) +
           " failed=" + std::to_string(calls_failed_) +
           " last_started_ms=" + std::to_string(last_call_started_ms_);
  }

  void Reset() {
    MutexLock lock(&mu_);
    calls_started_ = calls_succeeded_ = calls_failed_ = 0;
    overflow_started_.store(0, std::memory_order_relaxed);
  }

 private:
  void RecordFinishedLocked(bool ok) {
    mu_.AssertHeld();
    if (ok) {
      ++calls_succeeded_;
    } else {
      ++calls_failed_;
    }
  }

  Mutex mu_;
  int64_t calls_started_ ABSL_GUARDED_BY(&mu_) = 0;
  int64_t calls_succeeded_ ABSL_GUARDED_BY(&mu_) = 0;
  int64_t calls_failed_ ABSL_GUARDED_BY(&mu_) = 0;
  int64_t last_call_started_ms_ ABSL_GUARDED_BY(&mu_) = 0;
  std::atomic<int64_t> overflow_started_{0};
};

}  // namespace grpc_core
