// Load reporter of a gRPC server: call handlers record per-method costs;
// a reporting thread periodically swaps the counters out and sends them to
// the load balancer. Locks come from grpcpp's sync wrappers.

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/sync.h>

namespace lrs {

struct Costs {
  uint64_t calls = 0;
  uint64_t errors = 0;
  double cpu_ms = 0;
};

class LoadReporter {
 public:
  void Record(const std::string& method, double cpu_ms, bool error) {
    grpc::internal::MutexLock lock(&mu_);
    if (paused_) return;
    Costs& c = per_method_[method];
    ++c.calls;
    if (error) ++c.errors;
    c.cpu_ms += cpu_ms;
  }

  // Reporting thread. Hands the collected costs to |send| without holding
  // the lock while the RPC to the balancer is in flight.
  bool Flush(bool (*send)(const std::map<std::string, Costs>&)) {
    grpc::internal::ReleasableMutexLock lock(&mu_);
    if (per_method_.empty()) {
      ++empty_flushes_;
      return true;
    }
    std::map<std::string, Costs> batch;
    batch.swap(per_method_);
    ++flushes_;
    lock.Release();
    const bool ok = send(batch);
    if (!ok) {
      grpc::internal::MutexLock relock(&mu_);
      for (auto& [method, c] : batch) {
        Costs& into = per_method_[method];
        into.calls += c.calls;
        into.errors += c.errors;
        into.cpu_ms += c.cpu_ms;
      }
    }
    return ok;
  }

  void SetPaused(bool paused) {
    mu_.Lock();
    paused_ = paused;
    if (paused) per_method_.clear();
    mu_.Unlock();
  }

  uint64_t flushes() {
    grpc::internal::MutexLock lock(&mu_);
    return flushes_ + empty_flushes_;
  }

 private:
  grpc::internal::Mutex mu_;
  std::map<std::string, Costs> per_method_;
  bool paused_ = false;
  uint64_t flushes_ = 0;
  uint64_t empty_flushes_ = 0;
};

}  // namespace lrs
