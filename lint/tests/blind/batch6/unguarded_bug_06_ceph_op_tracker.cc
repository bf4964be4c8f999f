// Ceph-style OSD op tracker: messenger threads register and unregister ops,
// the tick thread looks for slow ones, the admin socket dumps them.
#include <cstdint>
#include <list>
#include <sstream>
#include <string>

#include "mock/ceph_mutex.h"

struct TrackedOp {
  uint64_t seq = 0;
  double initiated_at = 0;
  std::string description;
};

class OpTracker {
 public:
  explicit OpTracker(double complaint_time) : complaint_time(complaint_time) {}

  void register_inflight_op(TrackedOp* op) {
    std::lock_guard l{ops_in_flight_lock};
    op->seq = ++seq;
    ops_in_flight.push_back(op);
  }

  void unregister_inflight_op(TrackedOp* op) {
    std::lock_guard l{ops_in_flight_lock};
    ops_in_flight.remove(op);
  }

  // Called from the OSD tick thread.
  bool check_ops_in_flight(double now, std::string* summary) {
    std::lock_guard l{ops_in_flight_lock};
    uint32_t slow = 0;
    for (TrackedOp* op : ops_in_flight) {
      if (now - op->initiated_at > complaint_time) ++slow;
    }
    num_slow_ops = slow;
    if (slow == 0) return false;
    std::ostringstream ss;
    ss << slow << " slow requests, oldest is " << ops_in_flight.front()->description;
    *summary = ss.str();
    return true;
  }

  void dump_ops_in_flight(std::ostream& out) {
    std::lock_guard l{ops_in_flight_lock};
    out << "num_ops: " << ops_in_flight.size() << " slow: " << num_slow_ops << "\n";
    for (TrackedOp* op : ops_in_flight) out << op->seq << " " << op->description << "\n";
  }

  // Feeds the "SLOW_OPS" health check from the monitor client thread.
  uint32_t get_num_slow_ops() const {
    return num_slow_ops;  // EXPECT: concurrency-unguarded-field
  }

  // Perf counter callback, run from the admin socket thread.
  uint64_t get_num_ops_in_flight() const {
    return ops_in_flight.size();  // EXPECT: concurrency-unguarded-field
  }

 private:
  const double complaint_time;
  ceph::mutex ops_in_flight_lock = ceph::make_mutex("OpTracker::ops_in_flight_lock");
  std::list<TrackedOp*> ops_in_flight;
  uint64_t seq = 0;
  uint32_t num_slow_ops = 0;
};

std::string slow_ops_summary(OpTracker* tracker, double now) {
  std::string summary;
  if (!tracker->check_ops_in_flight(now, &summary)) return "HEALTH_OK";
  return summary + " (" + std::to_string(tracker->get_num_slow_ops()) + " total)";
}
