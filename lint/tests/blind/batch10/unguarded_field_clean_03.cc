// Load-reporting store for the xDS client: per-cluster drop and request
// counters, drained by the LRS stream every reporting interval.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "grpc_sync.h"

namespace grpc_core {

struct ClusterLoad {
  uint64_t requests_started = 0;
  uint64_t requests_succeeded = 0;
  uint64_t requests_failed = 0;
  std::map<std::string, uint64_t> drops_by_category;
};

class LoadReportSink {
 public:
  virtual ~LoadReportSink() = default;
  virtual Status Send(const std::string& cluster, const ClusterLoad& load) = 0;
};

class LoadReportStore {
 public:
  explicit LoadReportStore(LoadReportSink* sink) : sink_(sink) {}

  void RecordStart(const std::string& cluster) {
    MutexLock lock(&mu_);
    ++LoadForLocked(cluster).requests_started;
  }

  void RecordFinish(const std::string& cluster, bool ok) {
    MutexLock lock(&mu_);
    ClusterLoad& load = LoadForLocked(cluster);
    if (ok) {
      ++load.requests_succeeded;
    } else {
      ++load.requests_failed;
    }
  }

  void RecordDrop(const std::string& cluster, const std::string& category) {
    MutexLock lock(&mu_);
    ++LoadForLocked(cluster).drops_by_category[category];
  }

  // Called by the LRS stream. Takes the counters out under the lock and sends
  // them after releasing it; only the local snapshot is touched after Release().
  size_t Flush() {
    ReleasableMutexLock lock(&mu_);
    if (shutting_down_) return 0;
    std::map<std::string, ClusterLoad> snapshot;
    snapshot.swap(loads_);
    ++flushes_;
    lock.Release();
    size_t sent = 0;
    for (const auto& [cluster, load] : snapshot) {
      Status s = sink_->Send(cluster, load);
      if (s.ok()) {
        ++sent;
      } else {
        GRPC_TRACE_LOG(xds_client) << "LRS send for " << cluster << " failed: " << s.message();
      }
    }
    return sent;
  }

  uint64_t flushes() {
    MutexLock lock(&mu_);
    return flushes_;
  }

  void Shutdown() {
    MutexLock lock(&mu_);
    shutting_down_ = true;
    loads_.clear();
  }

 private:
  ClusterLoad& LoadForLocked(const std::string& cluster)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return loads_[cluster];
  }

  LoadReportSink* const sink_;
  Mutex mu_;
  std::map<std::string, ClusterLoad> loads_ ABSL_GUARDED_BY(mu_);
  uint64_t flushes_ ABSL_GUARDED_BY(mu_) = 0;
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace grpc_core
