// Records the fatal signal that ends the test process (SIGSEGV, SIGBUS,
// SIGFPE, SIGILL, SIGABRT: a crash, an abort, std::terminate) in the
// progress page, so that the engine's crash record can name it. Installed
// once per process, when the first engine starts; each handler stores the
// signal, puts back the handler it replaced (a sanitizer's, or the default)
// and lets the signal take its course, so a crash still ends the process
// with the same signal and report as before. Under a sanitizer, its death
// after a report is recorded too (protocol::kSanitizerDeath).
#ifndef LOCKSTEP_CLIENT_CRASH_SIGNALS_H_
#define LOCKSTEP_CLIENT_CRASH_SIGNALS_H_

#include "server_bridge/protocol/progress_page.h"

namespace lockstep::client {

// `page` must outlive the process (the session's page does). Only the first
// call installs anything; a forked child (isolated case) records nothing.
void InstallCrashSignalRecorder(const protocol::ProgressPage* page);

}  // namespace lockstep::client

#endif  // LOCKSTEP_CLIENT_CRASH_SIGNALS_H_
