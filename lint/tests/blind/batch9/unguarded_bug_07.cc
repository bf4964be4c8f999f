// An upstream connection pool in the style of Envoy's HTTP/1 pool, shared by
// worker threads: ready clients, busy clients and requests waiting for one.
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <utility>

#include "envoy/common/logger.h"
#include "envoy/thread/lock_guard.h"
#include "envoy/thread/thread.h"

namespace Envoy {
namespace Upstream {

enum class PoolFailureReason { Overflow, LocalConnectionFailure, RemoteConnectionFailure, Timeout };

class ActiveClient;

class PoolCallbacks {
 public:
  virtual ~PoolCallbacks() = default;
  virtual void onPoolReady(ActiveClient& client) PURE;
  virtual void onPoolFailure(PoolFailureReason reason, const std::string& details) PURE;
};

class ActiveClient {
 public:
  explicit ActiveClient(uint64_t id) : id_(id) {}
  uint64_t id() const { return id_; }
  uint64_t requestsServed() const { return requests_served_; }
  void incRequests() { ++requests_served_; }

 private:
  const uint64_t id_;
  uint64_t requests_served_{0};  // only touched by the worker that owns the request
};
using ActiveClientPtr = std::unique_ptr<ActiveClient>;

struct PendingRequest {
  PoolCallbacks* callbacks;
  uint64_t enqueued_at_ms;
};

struct PoolStats {
  uint64_t upstream_rq_total_{0};
  uint64_t upstream_rq_pending_overflow_{0};
  uint64_t upstream_cx_total_{0};
};

class SharedConnPool {
 public:
  SharedConnPool(std::string cluster, size_t max_pending)
      : cluster_(std::move(cluster)), max_pending_(max_pending) {}

  // Returns true if the request was served immediately.
  bool newStream(PoolCallbacks& callbacks, uint64_t now_ms) {
    Thread::ReleasableLockGuard lock(mutex_);
    if (!ready_clients_.empty()) {
      ActiveClientPtr client = std::move(ready_clients_.front());
      ready_clients_.pop_front();
      ActiveClient& ref = *client;
      busy_clients_.push_back(std::move(client));
      stats_.upstream_rq_total_++;
      lock.release();
      callbacks.onPoolReady(ref);
      return true;
    }
    if (pending_.size() >= max_pending_) {
      stats_.upstream_rq_pending_overflow_++;
      lock.release();
      callbacks.onPoolFailure(PoolFailureReason::Overflow, "pending overflow on " + cluster_);
      return false;
    }
    pending_.push_back(PendingRequest{&callbacks, now_ms});
    return false;
  }

  // A connection finished connecting or finished its previous request.
  void onClientReady(ActiveClientPtr client) {
    Thread::ReleasableLockGuard lock(mutex_);
    if (pending_.empty()) {
      ready_clients_.push_back(std::move(client));
      return;
    }
    PendingRequest request = pending_.front();
    pending_.pop_front();
    ActiveClient& ref = *client;
    busy_clients_.push_back(std::move(client));
    lock.release();
    // Call out without the lock: the callback may start another stream on this pool.
    request.callbacks->onPoolReady(ref);
    stats_.upstream_rq_total_++;  // EXPECT: concurrency-unguarded-field
    ENVOY_LOG(debug, "assigned pending request to client {}", ref.id());
  }

  void onClientCreated(ActiveClientPtr client) {
    Thread::LockGuard lock(mutex_);
    stats_.upstream_cx_total_++;
    ready_clients_.push_back(std::move(client));
  }

  PoolStats stats() {
    Thread::LockGuard lock(mutex_);
    return stats_;
  }

  size_t numPending() {
    Thread::LockGuard lock(mutex_);
    return pending_.size();
  }

 private:
  const std::string cluster_;
  const size_t max_pending_;

  Thread::MutexBasicLockable mutex_;
  std::list<ActiveClientPtr> ready_clients_ ABSL_GUARDED_BY(mutex_);
  std::list<ActiveClientPtr> busy_clients_ ABSL_GUARDED_BY(mutex_);
  std::list<PendingRequest> pending_ ABSL_GUARDED_BY(mutex_);
  PoolStats stats_ ABSL_GUARDED_BY(mutex_);
};

// A router-side callback that just records what happened.
class RecordingCallbacks : public PoolCallbacks {
 public:
  void onPoolReady(ActiveClient& client) override {
    client.incRequests();
    last_client_ = client.id();
  }
  void onPoolFailure(PoolFailureReason reason, const std::string& details) override {
    last_failure_ = reason;
    last_details_ = details;
  }

 private:
  uint64_t last_client_{0};
  PoolFailureReason last_failure_{PoolFailureReason::Timeout};
  std::string last_details_;
};

}  // namespace Upstream
}  // namespace Envoy
