// Scrub scheduler in the style of Ceph's OSD scrubber: the scrub
// completion runs on the finisher thread and touches the scheduler's state
// only under the same lock as every other access; counters are atomics.
#include <atomic>
#include <cstdint>
#include <set>
#include <string>

#include "ceph_common.h"

class ScrubScheduler {
 public:
  ScrubScheduler(Finisher* finisher, std::string osd_name)
      : finisher(finisher), osd_name(std::move(osd_name)) {}

  void start_scrub(uint64_t pgid) {
    {
      std::lock_guard l{lock};
      if (!scrubbing.insert(pgid).second) return;
    }
    scrubs_started.fetch_add(1);
    finisher->queue(new FunctionContext([this, pgid](int r) {
      std::lock_guard l{lock};
      scrubbing.erase(pgid);
      if (r < 0) failed.insert(pgid);
      last_result = r;
      dout(10) << osd_name << " scrub of " << pgid << " finished: " << r << dendl;
      scrubs_done.fetch_add(1);
    }));
  }

  bool is_scrubbing(uint64_t pgid) {
    std::lock_guard l{lock};
    return scrubbing.count(pgid) > 0;
  }

  void clear_failures() {
    std::lock_guard l{lock};
    failed.clear();
    last_result = 0;
  }

  void dump(Formatter* f) {
    std::lock_guard l{lock};
    f->dump_int("scrubbing", static_cast<long long>(scrubbing.size()));
    f->dump_int("failed", static_cast<long long>(failed.size()));
    f->dump_int("last_result", last_result);
    f->dump_int("started", static_cast<long long>(scrubs_started.load()));
    f->dump_int("done", static_cast<long long>(scrubs_done.load()));
  }

 private:
  Finisher* const finisher;
  const std::string osd_name;
  ceph::mutex lock = ceph::make_mutex("ScrubScheduler::lock");
  std::set<uint64_t> scrubbing;
  std::set<uint64_t> failed;
  int last_result = 0;
  std::atomic<uint64_t> scrubs_started{0};
  std::atomic<uint64_t> scrubs_done{0};
};
