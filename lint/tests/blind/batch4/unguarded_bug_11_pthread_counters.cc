/*
 * Per-listener connection statistics for the proxy's admin endpoint.
 * Plain pthreads: this file is shared with the C build of the agent.
 */

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

namespace proxy {

struct ListenerStatsSnapshot {
  uint64_t accepted;
  uint64_t active;
  uint64_t requests;
  uint64_t errors;
};

class ListenerStats {
 public:
  ListenerStats() { pthread_mutex_init(&mu_, nullptr); }
  ~ListenerStats() { pthread_mutex_destroy(&mu_); }

  void OnAccept() {
    pthread_mutex_lock(&mu_);
    ++accepted_;
    ++active_;
    pthread_mutex_unlock(&mu_);
  }

  void OnClose() {
    pthread_mutex_lock(&mu_);
    if (active_ > 0) --active_;
    pthread_mutex_unlock(&mu_);
  }

  void OnRequest(bool failed) {
    pthread_mutex_lock(&mu_);
    ++requests_;
    if (failed) ++errors_;
    pthread_mutex_unlock(&mu_);
  }

  void Snapshot(ListenerStatsSnapshot* out) {
    pthread_mutex_lock(&mu_);
    out->accepted = accepted_;
    out->active = active_;
    out->requests = requests_;
    out->errors = errors_;
    pthread_mutex_unlock(&mu_);
  }

  /* Used by the health checker to decide whether to shed load. */
  double ErrorRatio() const {
    if (requests_ == 0) return 0.0;  // EXPECT: concurrency-unguarded-field
    return static_cast<double>(errors_) / static_cast<double>(requests_);  // EXPECT: concurrency-unguarded-field
  }

 private:
  pthread_mutex_t mu_;
  uint64_t accepted_ = 0;  /* guarded by mu_ */
  uint64_t active_ = 0;    /* guarded by mu_ */
  uint64_t requests_ = 0;  /* guarded by mu_ */
  uint64_t errors_ = 0;    /* guarded by mu_ */
};

}  // namespace proxy
