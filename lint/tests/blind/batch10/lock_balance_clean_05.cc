// Stats flusher for the gRPC server's load reporter: the periodic flush must
// not stall request threads, so it only flushes when the lock is free, and
// the per-call hooks assert the lock their callers hold.
#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

enum class CallOutcome { kOk, kError, kCancelled };

struct MethodStats {
  uint64_t calls = 0;
  uint64_t errors = 0;
  int64_t total_latency_us = 0;
};

class LoadReporterStats {
 public:
  void RecordCall(const std::string& method, CallOutcome outcome, int64_t latency_us) {
    MutexLock lock(&mu_);
    OnCallLocked(method, outcome, latency_us);
  }

  // Periodic flush; skips this round if a request thread holds the lock.
  bool TryFlush(std::vector<std::pair<std::string, MethodStats>>* out) {
    if (!mu_.TryLock()) {
      ++skipped_flushes_;
      return false;
    }
    for (auto& [method, stats] : stats_) out->emplace_back(method, stats);
    stats_.clear();
    mu_.Unlock();
    return true;
  }

  void FlushBlocking(std::vector<std::pair<std::string, MethodStats>>* out) {
    mu_.Lock();
    for (auto& [method, stats] : stats_) out->emplace_back(method, stats);
    stats_.clear();
    mu_.Unlock();
  }

  uint64_t skipped_flushes() const { return skipped_flushes_.load(); }

 private:
  void OnCallLocked(const std::string& method, CallOutcome outcome, int64_t latency_us) {
    mu_.AssertHeld();
    MethodStats& s = stats_[method];
    ++s.calls;
    if (outcome != CallOutcome::kOk) ++s.errors;
    s.total_latency_us += latency_us;
  }

  Mutex mu_;
  std::map<std::string, MethodStats> stats_ ABSL_GUARDED_BY(mu_);
  std::atomic<uint64_t> skipped_flushes_{0};
};

std::string FormatStats(const std::vector<std::pair<std::string, MethodStats>>& stats) {
  std::string out;
  for (const auto& [method, s] : stats) {
    int64_t avg = s.calls == 0 ? 0 : s.total_latency_us / static_cast<int64_t>(s.calls);
    out += method + " calls=" + std::to_string(s.calls) + " errors=" + std::to_string(s.errors) +
           " avg_us=" + std::to_string(avg) + "\n";
  }
  return out;
}


const char* CallOutcomeName(CallOutcome o) {
  switch (o) {
    case CallOutcome::kOk: return "OK";
    case CallOutcome::kError: return "ERROR";
    case CallOutcome::kCancelled: return "CANCELLED";
  }
  return "UNKNOWN";
}

}  // namespace grpc_core
