// -*- mode:C++; tab-width:8; c-basic-offset:2; indent-tabs-mode:t -*-
// vim: ts=8 sw=2 smarttab
/*
 * Image journal replay progress. Each replayed event's commit is
 * acknowledged asynchronously through a Context on the finisher thread.
 */

#include "ceph/ceph_mutex.h"
#include "ceph/Context.h"

#include <cstdint>
#include <mutex>
#include <string>

namespace librbd {
namespace journal {

class Replay {
public:
  Replay(Finisher* finisher, std::string image_name)
    : finisher(finisher), image_name(std::move(image_name)) {}

  void handle_event(uint64_t tid) {
    {
      std::lock_guard l{lock};
      ++in_flight;
    }
    Context* on_commit = new FunctionContext([this, tid](int r) {
	if (r < 0)
	  last_error = r; // EXPECT: concurrency-closure-captures-mutable
	std::lock_guard l{lock};
	--in_flight;
	committed_tid = tid;
      });
    finisher->queue(on_commit);
  }

  int get_last_error() const {
    return last_error;
  }

  void clear_error() {
    std::lock_guard l{lock};
    last_error = 0;
  }

  uint64_t get_committed_tid() {
    std::lock_guard l{lock};
    return committed_tid;
  }

  bool idle() {
    std::lock_guard l{lock};
    return in_flight == 0;
  }

private:
  Finisher* const finisher;
  const std::string image_name;
  mutable ceph::mutex lock = ceph::make_mutex("librbd::journal::Replay::lock");
  uint64_t in_flight = 0;
  uint64_t committed_tid = 0;
  int last_error = 0;
};

} // namespace journal
} // namespace librbd
