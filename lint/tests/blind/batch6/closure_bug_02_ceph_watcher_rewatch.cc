// Ceph-style RADOS watcher: after a watch error the client schedules a
// re-watch on the SafeTimer. The timer callback reads the recorded error
// when it fires, on the timer thread, while the messenger thread can record
// a new one.
#include <string>

#include "mock/ceph_mutex.h"

class IoCtx {
 public:
  int watch2(const std::string& oid, uint64_t* handle);
  int unwatch2(uint64_t handle);
};

class Watcher {
 public:
  Watcher(IoCtx* ioctx, SafeTimer* timer, std::string oid)
      : ioctx(ioctx), timer(timer), oid(std::move(oid)) {}

  // Messenger thread: the OSD told us the watch broke.
  void handle_error(uint64_t handle, int err) {
    std::lock_guard l{watch_lock};
    if (handle != watch_handle) return;
    last_error = err;
    schedule_rewatch();
  }

  bool is_registered() {
    std::lock_guard l{watch_lock};
    return watch_handle != 0;
  }

 private:
  // Caller holds watch_lock.
  void schedule_rewatch() {
    watch_handle = 0;
    timer->add_event_after(1.0, new FunctionContext([this](int r) {
      if (r < 0) return;  // Cancelled.
      ldout(cct, 10) << "rewatching " << oid << " after error " << last_error << dendl;  // EXPECT: concurrency-closure-captures-mutable
      uint64_t handle = 0;
      int ret = ioctx->watch2(oid, &handle);
      std::lock_guard l{watch_lock};
      if (ret == 0) watch_handle = handle;
    }));
  }

  IoCtx* const ioctx;
  SafeTimer* const timer;
  const std::string oid;
  ceph::mutex watch_lock = ceph::make_mutex("Watcher::watch_lock");
  uint64_t watch_handle = 0;
  int last_error = 0;
};
