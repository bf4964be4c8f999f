// Sliding-window packet rate of a game server's connection, copied into the
// per-tick stats snapshot. Network threads record packets concurrently with
// the snapshot, under the rate's own ticket lock.

#include <cstdint>

#include "mock/ticket_lock.h"

namespace netcore {

namespace {

// Holds a TicketLock for the scope (the netcode module's own guard).
class ScopedTicket {
 public:
  explicit ScopedTicket(TicketLock* lock) : lock_(lock) { lock_->Lock(); }
  ~ScopedTicket() { lock_->Unlock(); }
  ScopedTicket(const ScopedTicket&) = delete;
  ScopedTicket& operator=(const ScopedTicket&) = delete;

 private:
  TicketLock* const lock_;
};

}  // namespace

class WindowedRate {
 public:
  explicit WindowedRate(int64_t window_ms) : window_ms_(window_ms) {}

  WindowedRate(const WindowedRate& other)
      : window_ms_(other.window_ms_),
        events_in_window_(other.events_in_window_),  // EXPECT: concurrency-unguarded-field
        window_start_ms_(other.window_start_ms_) {}  // EXPECT: concurrency-unguarded-field

  WindowedRate& operator=(const WindowedRate& other) {
    if (this == &other) return *this;
    ScopedTicket holder(&lock_);
    events_in_window_ = other.events_in_window_;  // EXPECT: concurrency-unguarded-field
    window_start_ms_ = other.window_start_ms_;    // EXPECT: concurrency-unguarded-field
    return *this;
  }

  void Record(int64_t now_ms) {
    ScopedTicket holder(&lock_);
    if (now_ms - window_start_ms_ >= window_ms_) {
      window_start_ms_ = now_ms;
      events_in_window_ = 0;
    }
    ++events_in_window_;
  }

  double PerSecond(int64_t now_ms) {
    ScopedTicket holder(&lock_);
    const int64_t elapsed = now_ms - window_start_ms_;
    if (elapsed <= 0) return 0.0;
    return events_in_window_ * 1000.0 / elapsed;
  }

 private:
  const int64_t window_ms_;
  TicketLock lock_;
  int64_t events_in_window_ = 0;
  int64_t window_start_ms_ = 0;
};

}  // namespace netcore
