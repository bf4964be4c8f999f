// A TensorFlow-style step-stats collector: the executor appends node stats
// from many threads; the profiler tries to take the lock without blocking
// and skips a sample when it is busy. A pair of annotated functions hands
// the lock to a caller for a multi-step update.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tensorflow/core/lib/core/status.h"
#include "tensorflow/core/platform/logging.h"
#include "tensorflow/core/platform/mutex.h"

namespace tensorflow {

struct NodeExecStats {
  std::string node_name;
  int64_t all_start_micros = 0;
  int64_t all_end_rel_micros = 0;
  int64_t memory_bytes = 0;
};

class StepStatsCollector {
 public:
  void Save(const std::string& device, NodeExecStats stats) {
    mutex_lock l(mu_);
    if (finalized_) return;
    per_device_[device].push_back(std::move(stats));
    ++num_saved_;
  }

  // Profiler thread: never blocks the executor.
  bool TrySample(int64_t* num_saved) {
    if (!mu_.try_lock()) {
      return false;
    }
    *num_saved = num_saved_;
    mu_.unlock();
    return true;
  }

  // Hands the lock to the caller for a batch of updates; see EndUpdate().
  void BeginUpdate() TF_EXCLUSIVE_LOCK_FUNCTION(mu_) { mu_.lock(); }
  void EndUpdate() TF_UNLOCK_FUNCTION(mu_) { mu_.unlock(); }

  void AddMemoryLocked(const std::string& device, int64_t bytes) TF_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    for (NodeExecStats& s : per_device_[device]) s.memory_bytes += bytes;
  }

  Status Finalize(std::map<std::string, std::vector<NodeExecStats>>* out) {
    mutex_lock l(mu_);
    if (finalized_) return errors::FailedPrecondition("already finalized");
    finalized_ = true;
    *out = std::move(per_device_);
    per_device_.clear();
    return OkStatus();
  }

 private:
  mutex mu_;
  std::map<std::string, std::vector<NodeExecStats>> per_device_ TF_GUARDED_BY(mu_);
  int64_t num_saved_ TF_GUARDED_BY(mu_) = 0;
  bool finalized_ TF_GUARDED_BY(mu_) = false;
};

// Renders finalized stats as "device: nodes, bytes" lines, heaviest first.
std::string RenderStats(const std::map<std::string, std::vector<NodeExecStats>>& stats) {
  std::vector<std::pair<int64_t, std::string>> lines;
  for (const auto& [device, nodes] : stats) {
    int64_t bytes = 0;
    for (const NodeExecStats& n : nodes) bytes += n.memory_bytes;
    lines.emplace_back(bytes, device + ": " + std::to_string(nodes.size()) + " nodes, " +
                                  std::to_string(bytes) + " bytes");
  }
  std::sort(lines.rbegin(), lines.rend());
  std::string out;
  for (const auto& [bytes, line] : lines) out += line + "\n";
  return out;
}

// The allocator's accounting hook: one update per device, under one lock hold.
void AttributeAllocations(StepStatsCollector* collector,
                          const std::vector<std::pair<std::string, int64_t>>& allocs) {
  collector->BeginUpdate();
  for (const auto& [device, bytes] : allocs) collector->AddMemoryLocked(device, bytes);
  collector->EndUpdate();
}

void ProfilerTick(StepStatsCollector* collector) {
  int64_t n = 0;
  if (collector->TrySample(&n)) {
    VLOG(1) << "step stats: " << n << " nodes so far";
  } else {
    VLOG(2) << "collector busy; skipping sample";
  }
}

}  // namespace tensorflow
