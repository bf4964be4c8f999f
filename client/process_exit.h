// How the engine process ended, published once by the thread that reaped it.
//
// The monitor thread (the only caller of waitpid for the process) computes
// `message` -- exit status or signal, plus the tail of the engine's log,
// read while the file is known to exist -- and only then calls Notify().
// Readers read `message` only after HasBeenNotified() or
// WaitForNotification(): the notification is the happens-before barrier, so
// `message` needs no mutex.
#ifndef LOCKSTEP_CLIENT_PROCESS_EXIT_H_
#define LOCKSTEP_CLIENT_PROCESS_EXIT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/synchronization/notification.h"

namespace lockstep::client {

class ProcessExit {
 public:
  // What the monitor learnt from wait4: how the process ended and what it
  // used.
  struct Facts {
    int exit_code = 0;  // the exit status, or 128 + the signal that killed it
    double cpu_seconds = 0;    // user + system
    int64_t peak_rss_kib = 0;  // maximum resident set size
  };

  // Monitor thread only, once.
  void Publish(std::string message, Facts facts) {
    message_ = std::move(message);
    facts_ = facts;
    exited_.Notify();
  }

  bool HasExited() const { return exited_.HasBeenNotified(); }

  // The message if the process has exited within `timeout`, else empty.
  std::string MessageWithin(absl::Duration timeout) const {
    if (!exited_.WaitForNotificationWithTimeout(timeout)) return "";
    return message_;
  }
  // How the process ended, if it has within `timeout`.
  std::optional<Facts> FactsWithin(absl::Duration timeout) const {
    if (!exited_.WaitForNotificationWithTimeout(timeout)) return std::nullopt;
    return facts_;
  }

 private:
  absl::Notification exited_;
  // Written once by the monitor thread before exited_.Notify(); read only
  // after the notification.
  std::string message_;
  Facts facts_;
};

}  // namespace lockstep::client

#endif  // LOCKSTEP_CLIENT_PROCESS_EXIT_H_
