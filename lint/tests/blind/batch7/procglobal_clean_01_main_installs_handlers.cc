// Entry point of a spool daemon. Process-wide settings (locale, signal
// dispositions, umask, working directory) are established in main(), before
// any thread exists; nothing here is a test or a thread body.

#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include "mock/daemon_config.h"

namespace {

volatile std::sig_atomic_t g_reload_requested = 0;

void OnSighup(int) { g_reload_requested = 1; }

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  std::signal(SIGPIPE, SIG_IGN);

  struct sigaction sa = {};
  sa.sa_handler = OnSighup;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGHUP, &sa, nullptr);

  umask(027);

  const char* config_path = argc > 1 ? argv[1] : "/etc/spoold/spoold.conf";
  daemonkit::DaemonConfig config;
  if (!daemonkit::LoadConfig(config_path, &config)) {
    std::fprintf(stderr, "spoold: cannot load %s\n", config_path);
    return EXIT_FAILURE;
  }
  if (chdir(config.spool_dir.c_str()) != 0) {
    std::perror("spoold: chdir");
    return EXIT_FAILURE;
  }
  if (const char* threads = std::getenv("SPOOLD_THREADS")) {
    config.worker_threads = std::atoi(threads);
  }
  return daemonkit::RunServer(config);
}
