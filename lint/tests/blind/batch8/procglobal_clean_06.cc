// daemon_main.cpp - start-up of the log collection daemon. Process-wide
// settings are made once from main(); the signal thread waits for signals
// with sigwait() instead of installing handlers.

#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <clocale>
#include <cstdio>
#include <locale>
#include <sstream>
#include <string>
#include <thread>

namespace collector {

std::atomic<bool> g_reload_requested{false};
std::atomic<bool> g_shutdown_requested{false};

class Daemon {
 public:
  // Called once from main() before any thread is started.
  bool SetUp(const std::string& state_dir) {
    umask(027);
    signal(SIGPIPE, SIG_IGN);
    setlocale(LC_ALL, "C");
    return chdir(state_dir.c_str()) == 0;
  }

  void TestBody() { std::fprintf(stderr, "self-check ok\n"); }

  std::string FormatCount(long long n) const {
    std::ostringstream out;
    out.imbue(std::locale::classic());
    out << n << " records";
    return out.str();
  }
};

void SignalThread(sigset_t set) {
  while (!g_shutdown_requested.load()) {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) continue;
    if (sig == SIGHUP) g_reload_requested = true;
    if (sig == SIGTERM || sig == SIGINT) g_shutdown_requested = true;
  }
}

}  // namespace collector

int main(int argc, char** argv) {
  collector::Daemon daemon;
  if (!daemon.SetUp(argc > 1 ? argv[1] : "/var/lib/collector")) return 1;

  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  std::thread signals(collector::SignalThread, set);
  std::thread worker([&daemon] {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, nullptr);
    std::fprintf(stderr, "%s\n", daemon.FormatCount(0).c_str());
  });
  worker.join();
  signals.join();
  daemon.TestBody();
  return 0;
}
