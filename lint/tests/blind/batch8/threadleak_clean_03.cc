// crashpad_watchdog.cpp - a detached watchdog that checks the UI thread's
// heartbeat and writes a hang report when it stalls.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>

namespace watchdog {

class HangWatchdog {
 public:
  static HangWatchdog& Instance() {
    static HangWatchdog* instance = new HangWatchdog;
    return *instance;
  }

  void Start(std::function<void(int64_t stalled_ms)> on_hang) {
    on_hang_ = std::move(on_hang);
    std::thread([this] { Run(); }).detach();
  }

  // UI thread, once per frame.
  void Heartbeat() { last_beat_ms_.store(NowMs(), std::memory_order_relaxed); }

  void Shutdown() { shutting_down_.store(true, std::memory_order_release); }

 private:
  HangWatchdog() = default;

  void Run() {
    while (!shutting_down_.load(std::memory_order_acquire)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      const int64_t stalled = NowMs() - last_beat_ms_.load(std::memory_order_relaxed);
      if (stalled > 5000 && !reported_.exchange(true)) on_hang_(stalled);
    }
  }

  static int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  std::function<void(int64_t)> on_hang_;
  std::atomic<int64_t> last_beat_ms_{0};
  std::atomic<bool> shutting_down_{false};
  std::atomic<bool> reported_{false};
};

}  // namespace watchdog

void InstallWatchdog() {
  watchdog::HangWatchdog::Instance().Start([](int64_t) {});
}
