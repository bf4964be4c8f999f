// Download progress tracker of a macOS app. Per-download state lives on a
// private serial queue and is only touched by work items running on it; the
// aggregate counters shown in the Dock badge are behind an unfair lock.

#include <cstdint>
#include <map>
#include <string>

#include <dispatch/dispatch.h>
#include <os/lock.h>

namespace downloads {

class DownloadTracker {
 public:
  DownloadTracker() : queue_(dispatch_queue_create("com.example.downloads.tracker", DISPATCH_QUEUE_SERIAL)) {}

  ~DownloadTracker() {
    dispatch_sync_f(queue_, nullptr, [](void*) {});
    dispatch_release(queue_);
  }

  // Any thread.
  void ReportProgress(uint64_t id, uint64_t received, uint64_t expected) {
    auto* update = new Update{this, id, received, expected};
    dispatch_async_f(queue_, update, &DownloadTracker::ApplyUpdate);
  }

  // Any thread.
  uint64_t ActiveCount() {
    os_unfair_lock_lock(&lock_);
    const uint64_t n = active_;
    os_unfair_lock_unlock(&lock_);
    return n;
  }

  uint64_t BytesTotal() {
    os_unfair_lock_lock(&lock_);
    const uint64_t n = bytes_total_;
    os_unfair_lock_unlock(&lock_);
    return n;
  }

 private:
  struct Update {
    DownloadTracker* tracker;
    uint64_t id;
    uint64_t received;
    uint64_t expected;
  };

  struct Progress {
    uint64_t received = 0;
    uint64_t expected = 0;
  };

  // Runs on queue_.
  static void ApplyUpdate(void* context) {
    Update* u = static_cast<Update*>(context);
    u->tracker->Apply(u->id, u->received, u->expected);
    delete u;
  }

  // Runs on queue_.
  void Apply(uint64_t id, uint64_t received, uint64_t expected) {
    Progress& p = progress_[id];
    const uint64_t delta = received - p.received;
    const bool finished = expected != 0 && received >= expected;
    const bool started = p.received == 0 && p.expected == 0;
    p.received = received;
    p.expected = expected;
    if (finished) progress_.erase(id);

    os_unfair_lock_lock(&lock_);
    AdjustCountersLocked(delta, started, finished);
    os_unfair_lock_unlock(&lock_);
  }

  void AdjustCountersLocked(uint64_t delta, bool started, bool finished) {
    os_unfair_lock_assert_owner(&lock_);
    bytes_total_ += delta;
    if (started) ++active_;
    if (finished && active_ > 0) --active_;
  }

  dispatch_queue_t const queue_;

  // Only accessed on queue_.
  std::map<uint64_t, Progress> progress_;

  os_unfair_lock lock_ = OS_UNFAIR_LOCK_INIT;
  uint64_t active_ = 0;
  uint64_t bytes_total_ = 0;
};

}  // namespace downloads
