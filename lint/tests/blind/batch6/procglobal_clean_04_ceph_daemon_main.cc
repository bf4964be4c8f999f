// Ceph-style daemon entry point and its signal thread (not a test). main()
// sets the locale and the umask and installs the handlers once, before any
// thread starts; the signal thread only blocks signals and sigwait()s; the
// daemon's own SetUp() method (not a GoogleTest fixture) exports settings
// into the environment for the child processes it will spawn.
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <clocale>
#include <string>
#include <thread>

#include "mock/ceph_mutex.h"

class DaemonEnvironment {
 public:
  // Called from main() only, before the messenger threads start.
  void SetUp(const std::string& cluster) {
    setenv("CEPH_CLUSTER", cluster.c_str(), 1);
    std::lock_guard l{lock};
    configured = true;
  }

  bool is_configured() {
    std::lock_guard l{lock};
    return configured;
  }

 private:
  ceph::mutex lock = ceph::make_mutex("DaemonEnvironment::lock");
  bool configured = false;
};

static void handle_fatal_signal(int signum) { _exit(128 + signum); }

static void signal_thread_entry(sigset_t* mask, bool* stop_requested) {
  for (;;) {
    int sig = 0;
    if (sigwait(mask, &sig) != 0) continue;
    if (sig == SIGTERM || sig == SIGINT) {
      *stop_requested = true;
      return;
    }
  }
}

int main(int argc, char** argv) {
  setlocale(LC_ALL, "C");
  umask(022);
  signal(SIGSEGV, handle_fatal_signal);
  signal(SIGABRT, handle_fatal_signal);

  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGTERM);
  sigaddset(&mask, SIGINT);
  pthread_sigmask(SIG_BLOCK, &mask, nullptr);

  DaemonEnvironment env;
  env.SetUp(argc > 1 ? argv[1] : "ceph");

  bool stop_requested = false;
  std::thread signal_thread(signal_thread_entry, &mask, &stop_requested);
  signal_thread.join();
  return stop_requested && env.is_configured() ? 0 : 1;
}
