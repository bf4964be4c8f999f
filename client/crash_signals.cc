#include "client/crash_signals.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>

#include "absl/base/call_once.h"

// The sanitizers' hook for their own deaths (a report with halt_on_error);
// null when the binary has no sanitizer.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void))
    __attribute__((weak));

namespace lockstep::client {
namespace {

constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
constexpr int kSignalCount = sizeof(kSignals) / sizeof(kSignals[0]);

// Written once, inside the call_once below, before any handler is
// installed; read only by the handlers afterwards.
const protocol::ProgressPage* recorded_page = nullptr;
pid_t recording_pid = 0;
struct sigaction previous[kSignalCount];

void OnFatalSignal(int signal, siginfo_t* info, void*) {
  // getpid, sigaction, raise and the page's atomic store are all
  // async-signal-safe.
  if (getpid() == recording_pid) recorded_page->RecordFatalSignal(signal);
  for (int i = 0; i < kSignalCount; ++i) {
    if (kSignals[i] == signal) sigaction(signal, &previous[i], nullptr);
  }
  // A fault re-executes the faulting instruction on return and meets the
  // restored handler; a signal sent (kill, raise, abort) is raised again.
  if (info == nullptr || info->si_code <= 0) raise(signal);
}

void OnSanitizerDeath() {
  if (getpid() == recording_pid) {
    recorded_page->RecordFatalSignal(protocol::kSanitizerDeath);
  }
}

}  // namespace

void InstallCrashSignalRecorder(const protocol::ProgressPage* page) {
  static absl::once_flag once;
  absl::call_once(once, [page] {
    recorded_page = page;
    recording_pid = getpid();
    for (int i = 0; i < kSignalCount; ++i) {
      struct sigaction action {};
      action.sa_sigaction = OnFatalSignal;
      action.sa_flags = SA_SIGINFO;
      sigemptyset(&action.sa_mask);
      sigaction(kSignals[i], &action, &previous[i]);
    }
    if (&__sanitizer_set_death_callback != nullptr) {
      __sanitizer_set_death_callback(OnSanitizerDeath);
    }
  });
}

}  // namespace lockstep::client
