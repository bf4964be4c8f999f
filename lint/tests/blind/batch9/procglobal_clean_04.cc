// A daemon's startup code and its configuration layer. Process-wide setup
// (signal handlers, locale, umask, working directory) happens in main() and
// in the daemonize path, which is ordinary code not run on a thread. The
// configuration layer has its own setenv, which only edits a map.
#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace config {

class Overrides {
 public:
  void Set(const std::string& k, const std::string& v) { values_[k] = v; }
  const std::string* Get(const std::string& k) const {
    auto it = values_.find(k);
    return it == values_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

Overrides& GlobalOverrides() {
  static Overrides* o = new Overrides();
  return *o;
}

// The project's own setenv: records an override, never touches the environment.
void setenv(const std::string& key, const std::string& value) { GlobalOverrides().Set(key, value); }

std::string Lookup(const std::string& key, const std::string& fallback) {
  if (const std::string* v = GlobalOverrides().Get(key)) return *v;
  if (const char* e = std::getenv(key.c_str())) return e;
  return fallback;
}

}  // namespace config

namespace svc {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void HandleStop(int) { g_stop = 1; }

// Not a test fixture: a plain class whose initialization step is called SetUp.
class Service {
 public:
  bool SetUp(const std::string& state_dir) {
    state_dir_ = state_dir;
    config::setenv("SERVICE_STATE_DIR", state_dir);
    return !state_dir_.empty();
  }
  int RunOnce() { return g_stop ? 1 : 0; }

 private:
  std::string state_dir_;
};

// Parses "key=value" command-line overrides into the config layer.
int ApplyFlagOverrides(int argc, char** argv) {
  int applied = 0;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const size_t eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    config::setenv(arg.substr(0, eq), arg.substr(eq + 1));
    ++applied;
  }
  return applied;
}

bool Daemonize(const std::string& root) {
  umask(027);
  if (chdir(root.c_str()) != 0) return false;
  std::signal(SIGHUP, SIG_IGN);
  return true;
}

}  // namespace svc

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  std::signal(SIGTERM, svc::HandleStop);
  std::signal(SIGINT, svc::HandleStop);
  const std::string root = argc > 1 ? argv[1] : "/";
  if (!svc::Daemonize(root)) {
    std::perror("daemonize");
    return 1;
  }
  config::setenv("LOG_LEVEL", "info");
  svc::ApplyFlagOverrides(argc, argv);
  svc::Service service;
  if (!service.SetUp(config::Lookup("STATE_DIR", "state"))) return 1;
  while (service.RunOnce() == 0) {
    sleep(1);
  }
  return 0;
}
