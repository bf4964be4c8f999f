// Signal handling for the server: SIGTERM/SIGHUP are blocked in every
// thread and consumed by one dedicated thread with sigwait(). Numbers in
// the status report use an explicitly imbued locale.

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <functional>
#include <locale>
#include <sstream>
#include <string>
#include <thread>

namespace server {

class SignalThread {
 public:
  SignalThread(std::function<void()> on_reload, std::function<void()> on_stop)
      : on_reload_(std::move(on_reload)), on_stop_(std::move(on_stop)) {}

  ~SignalThread() {
    if (thread_.joinable()) {
      pthread_kill(thread_.native_handle(), SIGTERM);
      thread_.join();
    }
  }

  // Call from main() before any other thread is started, so that every
  // thread inherits the blocked mask.
  void Start() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    thread_ = std::thread([this, set] {
      for (;;) {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) continue;
        if (sig == SIGHUP) {
          reloads_.fetch_add(1);
          on_reload_();
        } else {
          on_stop_();
          return;
        }
      }
    });
  }

  int reloads() const { return reloads_.load(); }

 private:
  const std::function<void()> on_reload_;
  const std::function<void()> on_stop_;
  std::atomic<int> reloads_{0};
  std::thread thread_;
};

std::string FormatStatus(long requests, const std::locale& locale) {
  std::ostringstream out;
  out.imbue(locale);
  out << "requests served: " << requests;
  return out.str();
}

}  // namespace server
