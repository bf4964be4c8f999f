// Windows service watchdog: restarts the worker process when it stops
// answering heartbeats.

#include "mock/windows_sync.h"

#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace svc {

using PingFn = std::function<BOOL()>;
using RestartFn = std::function<void()>;

class ServiceWatchdog {
 public:
  ServiceWatchdog(PingFn ping, RestartFn restart)
      : m_ping(std::move(ping)), m_restart(std::move(restart)) {
    InitializeCriticalSection(&m_cs);
  }

  ~ServiceWatchdog() { DeleteCriticalSection(&m_cs); }

  void Start() {
    std::thread watcher([this] {
      DWORD missed = 0;
      for (;;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        if (m_ping()) {
          missed = 0;
          continue;
        }
        if (++missed >= kMaxMissed) {
          m_restart();
          EnterCriticalSection(&m_cs);
          ++m_restarts;
          LeaveCriticalSection(&m_cs);
          missed = 0;
        }
      }
    });
    watcher.detach();  // EXPECT: concurrency-thread-leak
  }

  DWORD Restarts() {
    EnterCriticalSection(&m_cs);
    DWORD n = m_restarts;
    LeaveCriticalSection(&m_cs);
    return n;
  }

 private:
  static constexpr DWORD kMaxMissed = 3;

  PingFn m_ping;
  RestartFn m_restart;
  CRITICAL_SECTION m_cs;
  DWORD m_restarts = 0;
};

}  // namespace svc
