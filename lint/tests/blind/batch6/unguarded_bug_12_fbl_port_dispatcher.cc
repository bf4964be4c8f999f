// Fuchsia-style port dispatcher: any thread queues packets, waiters dequeue
// them; on_zero_handles tears the port down when the last handle closes.
#include <stddef.h>
#include <stdint.h>

#include <deque>

#include "mock/fbl_mutex.h"

typedef int32_t zx_status_t;
constexpr zx_status_t ZX_OK = 0;
constexpr zx_status_t ZX_ERR_BAD_STATE = -20;
constexpr zx_status_t ZX_ERR_SHOULD_WAIT = -22;

struct PortPacket {
  uint64_t key;
  uint32_t type;
  bool allocated;
};

class PortDispatcher {
 public:
  zx_status_t Queue(PortPacket* packet) TA_EXCL(lock_) {
    fbl::AutoLock guard(&lock_);
    if (zero_handles_) return ZX_ERR_BAD_STATE;
    packets_.push_back(packet);
    ++num_packets_;
    cv_.Signal();
    return ZX_OK;
  }

  zx_status_t Dequeue(bool wait, PortPacket** out) TA_EXCL(lock_) {
    fbl::AutoLock guard(&lock_);
    while (packets_.empty()) {
      if (!wait || zero_handles_) return ZX_ERR_SHOULD_WAIT;
      cv_.Wait(&lock_);
    }
    *out = packets_.front();
    packets_.pop_front();
    --num_packets_;
    return ZX_OK;
  }

  void on_zero_handles() TA_EXCL(lock_) {
    {
      fbl::AutoLock guard(&lock_);
      zero_handles_ = true;
      cv_.Broadcast();
    }
    // Packets still queued belong to nobody now.
    FreePacketsLocked();  // EXPECT: concurrency-unguarded-field
  }

  // Reported by `k zx port` in the kernel debug console.
  size_t num_packets() const {
    return num_packets_;  // EXPECT: concurrency-unguarded-field
  }

 private:
  void FreePacketsLocked() TA_REQ(lock_) {
    while (!packets_.empty()) {
      PortPacket* packet = packets_.front();
      packets_.pop_front();
      if (packet->allocated) delete packet;
    }
    num_packets_ = 0;
  }

  mutable fbl::Mutex lock_;
  fbl::ConditionVariable cv_;
  std::deque<PortPacket*> packets_ TA_GUARDED(lock_);
  size_t num_packets_ TA_GUARDED(lock_) = 0;
  bool zero_handles_ TA_GUARDED(lock_) = false;
};
