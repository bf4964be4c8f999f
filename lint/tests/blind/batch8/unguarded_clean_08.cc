// -*- mode:C++; tab-width:8; c-basic-offset:2; indent-tabs-mode:t -*-
// vim: ts=8 sw=2 smarttab
/*
 * Throttles recovery ops per PG. The per-PG bookkeeping lives in a helper
 * class private to this file; the throttle calls it with its lock held.
 */

#include "ceph/ceph_mutex.h"

#include <cstdint>
#include <map>
#include <mutex>

namespace {

class PGRecoveryBudget {
public:
  explicit PGRecoveryBudget(uint64_t max_per_pg) : max_per_pg(max_per_pg) {}

  bool try_take(uint64_t pg) {
    uint64_t& used = in_use[pg];
    if (used >= max_per_pg)
      return false;
    ++used;
    ++total;
    return true;
  }

  void give_back(uint64_t pg) {
    auto p = in_use.find(pg);
    if (p == in_use.end() || p->second == 0)
      return;
    if (--p->second == 0)
      in_use.erase(p);
    --total;
  }

  uint64_t outstanding() const { return total; }

private:
  const uint64_t max_per_pg;
  std::map<uint64_t, uint64_t> in_use;
  uint64_t total = 0;
};

} // anonymous namespace

class RecoveryThrottle {
public:
  explicit RecoveryThrottle(uint64_t max_per_pg) : budget(max_per_pg) {}

  bool start_recovery_op(uint64_t pg) {
    std::lock_guard l{lock};
    if (paused)
      return false;
    return budget.try_take(pg);
  }

  void finish_recovery_op(uint64_t pg) {
    std::lock_guard l{lock};
    budget.give_back(pg);
    cond.notify_all();
  }

  void pause() {
    std::lock_guard l{lock};
    paused = true;
  }

  void drain() {
    std::unique_lock l{lock};
    cond.wait(l, [this] { return budget.outstanding() == 0; });
    paused = false;
  }

private:
  ceph::mutex lock = ceph::make_mutex("RecoveryThrottle::lock");
  ceph::condition_variable cond;
  PGRecoveryBudget budget;
  bool paused = false;
};
