// Ceph-style lease renewal: the timer callback and the messenger thread
// both touch the lease state, each holding lease_lock, so they never run
// their critical sections at the same time.
#include <cstdint>
#include <string>

#include "mock/ceph_mutex.h"

class MonClient {
 public:
  void send_renew(const std::string& who, uint64_t epoch);
};

class LeaseKeeper {
 public:
  LeaseKeeper(MonClient* monc, SafeTimer* timer, std::string name)
      : monc(monc), timer(timer), name(std::move(name)) {}

  void start() {
    std::lock_guard l{lease_lock};
    schedule_renew_locked();
  }

  // Messenger thread: the monitor granted a new lease.
  void handle_lease_ack(uint64_t epoch, double expires) {
    std::lock_guard l{lease_lock};
    lease_epoch = epoch;
    lease_expires = expires;
  }

  bool is_valid(double now) {
    std::lock_guard l{lease_lock};
    return now < lease_expires;
  }

 private:
  void schedule_renew_locked() {
    timer->add_event_after(5.0, new FunctionContext([this](int r) {
      if (r < 0) return;
      std::lock_guard l{lease_lock};
      ++renewals;
      monc->send_renew(name, lease_epoch);
      schedule_renew_locked();
    }));
  }

  MonClient* const monc;
  SafeTimer* const timer;
  const std::string name;
  ceph::mutex lease_lock = ceph::make_mutex("LeaseKeeper::lease_lock");
  uint64_t lease_epoch = 0;
  double lease_expires = 0;
  uint64_t renewals = 0;
};
