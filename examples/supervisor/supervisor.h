// Starts a child process, watches it from a monitor thread, and reports how
// it ended. The monitor computes the crash message before it signals, so
// readers never race with it (the design in ARCHITECTURE.md).
#ifndef LOCKSTEP_EXAMPLES_SUPERVISOR_SUPERVISOR_H_
#define LOCKSTEP_EXAMPLES_SUPERVISOR_SUPERVISOR_H_

#include <sys/types.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"

namespace examples {

class Supervisor {
 public:
  explicit Supervisor(std::vector<std::string> argv);
  ~Supervisor();

  absl::Status Start();
  // Blocks until the child exits; returns how it ended.
  std::string WaitForExit();
  int restarts() const;
  bool running() const;
  void Stop();

 private:
  void Monitor(pid_t pid);
  std::string DescribeExit(int status) const;

  const std::vector<std::string> argv_;
  mutable absl::Mutex mu_;
  pid_t pid_ ABSL_GUARDED_BY(mu_) = -1;
  int restarts_ ABSL_GUARDED_BY(mu_) = 0;
  int last_status_ ABSL_GUARDED_BY(mu_) = 0;
  // Written by the monitor thread before exited_.Notify(); read after
  // WaitForNotification().
  std::string exit_message_;
  absl::Notification exited_;
  std::atomic<bool> stopping_{false};
  std::thread monitor_;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_SUPERVISOR_SUPERVISOR_H_
