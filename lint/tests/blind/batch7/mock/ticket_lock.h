// Stand-in for a game server's util/ticket_lock.h: a fair spin lock over two
// std::atomic counters. Not annotated (the project does
// not build with -Wthread-safety).
#ifndef BATCH7_MOCK_TICKET_LOCK_H_
#define BATCH7_MOCK_TICKET_LOCK_H_

#include <atomic>
#include <cstdint>
#include <thread>

namespace netcore {

class TicketLock {
 public:
  TicketLock() = default;
  TicketLock(const TicketLock&) = delete;
  TicketLock& operator=(const TicketLock&) = delete;

  void Lock() {
    const uint32_t ticket = next_ticket_.fetch_add(1, std::memory_order_relaxed);
    while (now_serving_.load(std::memory_order_acquire) != ticket) {
      std::this_thread::yield();
    }
  }

  void Unlock() {
    now_serving_.store(now_serving_.load(std::memory_order_relaxed) + 1,
                       std::memory_order_release);
  }

 private:
  std::atomic<uint32_t> next_ticket_{0};
  std::atomic<uint32_t> now_serving_{0};
};

}  // namespace netcore

#endif  // BATCH7_MOCK_TICKET_LOCK_H_
