// Journal trimming in the style of Ceph's MDS log: the trim completion is
// queued to the finisher thread and records the result in the log object,
// while the admin socket reads it.
#include <cstdint>
#include <string>

#include "ceph_common.h"

class JournalTrimmer {
 public:
  explicit JournalTrimmer(Finisher* finisher) : finisher(finisher) {}

  void start_trim(uint64_t up_to) {
    {
      std::lock_guard l{lock};
      trimming_to = up_to;
      ++trims_started;
    }
    finisher->queue(new FunctionContext([this](int r) {
      last_trim_result = r;  // EXPECT: concurrency-closure-captures-mutable
      std::lock_guard l{lock};
      trimmed_to = trimming_to;
    }));
  }

  // Admin socket "journal status".
  void dump(Formatter* f) {
    f->dump_int("last_trim_result", last_trim_result);
    std::lock_guard l{lock};
    f->dump_int("trimmed_to", static_cast<long long>(trimmed_to));
    f->dump_int("trims_started", static_cast<long long>(trims_started));
  }

 private:
  Finisher* const finisher;
  ceph::mutex lock = ceph::make_mutex("JournalTrimmer::lock");
  uint64_t trimming_to = 0;
  uint64_t trimmed_to = 0;
  uint64_t trims_started = 0;
  int last_trim_result = 0;
};
