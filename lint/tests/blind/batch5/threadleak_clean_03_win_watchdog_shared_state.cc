// Windows service watchdog: restarts the worker process when it stops
// answering heartbeats.

#include "mock/windows_sync.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace svc {

using PingFn = std::function<BOOL()>;
using RestartFn = std::function<void()>;

class ServiceWatchdog {
 public:
  ServiceWatchdog(PingFn ping, RestartFn restart)
      : m_state(std::make_shared<State>()) {
    m_state->ping = std::move(ping);
    m_state->restart = std::move(restart);
  }

  // The watcher owns a reference to the shared state, never to this object,
  // and leaves its loop as soon as the watchdog is destroyed.
  ~ServiceWatchdog() { m_state->stop.store(true); }

  void Start() {
    std::shared_ptr<State> state = m_state;
    std::thread watcher([state] {
      DWORD missed = 0;
      while (!state->stop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1000));
        if (state->ping()) {
          missed = 0;
          continue;
        }
        if (++missed >= kMaxMissed) {
          state->restart();
          state->restarts.fetch_add(1);
          missed = 0;
        }
      }
    });
    watcher.detach();
  }

  DWORD Restarts() const { return m_state->restarts.load(); }

 private:
  static constexpr DWORD kMaxMissed = 3;

  struct State {
    PingFn ping;
    RestartFn restart;
    std::atomic<bool> stop{false};
    std::atomic<DWORD> restarts{0};
  };

  const std::shared_ptr<State> m_state;
};

}  // namespace svc
