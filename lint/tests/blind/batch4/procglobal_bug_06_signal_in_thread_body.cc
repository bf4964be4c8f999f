// Watchdog for the transcoder: a thread that arms an alarm for every job
// and aborts the job if the alarm fires.

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace transcode {

std::atomic<bool> g_job_timed_out{false};

extern "C" void OnAlarm(int) { g_job_timed_out.store(true); }

class JobWatchdog {
 public:
  explicit JobWatchdog(unsigned timeout_seconds) : timeout_seconds_(timeout_seconds) {}

  ~JobWatchdog() {
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
  }

  // Arms the alarm for the current job; |on_timeout| kills the encoder.
  void Start(std::function<void()> on_timeout) {
    thread_ = std::thread([this, on_timeout] {
      struct sigaction sa = {};
      sa.sa_handler = OnAlarm;
      sigemptyset(&sa.sa_mask);
      sigaction(SIGALRM, &sa, nullptr);  // EXPECT: concurrency-process-global-in-test
      signal(SIGPIPE, SIG_IGN);  // EXPECT: concurrency-process-global-in-test
      alarm(timeout_seconds_);
      while (!stop_.load()) {
        if (g_job_timed_out.exchange(false)) {
          on_timeout();
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      alarm(0);
    });
  }

 private:
  const unsigned timeout_seconds_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace transcode
