// -*- mode:C++; tab-width:8; c-basic-offset:2; indent-tabs-mode:t -*-
// vim: ts=8 sw=2 smarttab
/*
 * Tracks the in-flight ops an OSD client has sent to one PG so that a
 * flush() can wait for all of them to be acknowledged.
 */

#include "ceph/ceph_mutex.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace ceph {

struct MOSDOpReply {
  uint64_t tid;
  int result;
};

class PGOpTracker {
public:
  explicit PGOpTracker(std::string pgid)
    : pgid(std::move(pgid)) {}

  uint64_t start_op(const std::string& oid) {
    std::scoped_lock l{lock};
    uint64_t tid = ++last_tid;
    in_flight[tid] = oid;
    return tid;
  }

  void handle_reply(const MOSDOpReply& reply) {
    {
      std::scoped_lock l{lock};
      auto p = in_flight.find(reply.tid);
      if (p == in_flight.end())
	return;
      if (reply.result < 0)
	++num_errors;
      in_flight.erase(p);
    }
    if (in_flight.empty()) // EXPECT: concurrency-unguarded-field
      flush_cond.notify_all();
  }

  // Blocks until every op started before the call has been acknowledged.
  int flush() {
    std::unique_lock l{lock};
    flush_cond.wait(l, [this] { return in_flight.empty(); });
    return num_errors;
  }

  void dump(std::map<std::string, uint64_t>* out) {
    std::scoped_lock l{lock};
    (*out)["in_flight"] = in_flight.size();
    (*out)["errors"] = num_errors;
    (*out)["last_tid"] = last_tid;
  }

private:
  const std::string pgid;
  ceph::mutex lock = ceph::make_mutex("PGOpTracker::lock");
  ceph::condition_variable flush_cond;
  std::map<uint64_t, std::string> in_flight;
  uint64_t last_tid = 0;
  int num_errors = 0;
};

} // namespace ceph

int drain(ceph::PGOpTracker& t) {
  return t.flush();
}
