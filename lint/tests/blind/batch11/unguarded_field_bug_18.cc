// Per-placement-group op tracker in the style of Ceph's OSD: the tracker
// borrows its owning PG's lock (a reference member), and counts the ops
// it has throttled on its own atomic.
#include <atomic>
#include <cstdint>
#include <list>
#include <string>

#include "ceph_common.h"

struct OpRequest {
  uint64_t tid;
  std::string client;
};

class PGOpTracker {
 public:
  explicit PGOpTracker(ceph::mutex& pg_lock) : pg_lock(pg_lock) {}

  void queue_op(const OpRequest& op) {
    std::lock_guard l{pg_lock};
    waiting_for_peered.push_back(op);
    ++ops_queued;
  }

  void requeue_all(std::list<OpRequest>* out) {
    std::lock_guard l{pg_lock};
    out->splice(out->end(), waiting_for_peered);
  }

  void throttle() { throttled.fetch_add(1, std::memory_order_relaxed); }

  void dump(Formatter* f) const {
    f->open_object_section("op_tracker");
    f->dump_int("ops_queued", ops_queued);  // EXPECT: concurrency-unguarded-field
    f->dump_int("waiting_for_peered", waiting_for_peered.size());  // EXPECT: concurrency-unguarded-field
    f->dump_int("throttled", throttled.load());
    f->close_section();
  }

  uint64_t get_ops_queued() const {
    std::lock_guard l{pg_lock};
    return ops_queued;
  }

 private:
  ceph::mutex& pg_lock;
  std::list<OpRequest> waiting_for_peered;
  uint64_t ops_queued = 0;
  std::atomic<uint64_t> throttled{0};
};

class PG {
 public:
  PG() : op_tracker(lock) {}
  PGOpTracker& tracker() { return op_tracker; }

 private:
  ceph::mutex lock = ceph::make_mutex("PG::lock");
  PGOpTracker op_tracker;
};
