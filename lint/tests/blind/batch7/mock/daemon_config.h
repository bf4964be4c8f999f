// Stand-in for a daemon's configuration and server entry points.
// Declarations only.
#ifndef BATCH7_MOCK_DAEMON_CONFIG_H_
#define BATCH7_MOCK_DAEMON_CONFIG_H_

#include <string>

namespace daemonkit {

struct DaemonConfig {
  std::string listen_address;
  std::string spool_dir;
  int worker_threads = 4;
};

bool LoadConfig(const std::string& path, DaemonConfig* config);
// Starts the worker threads and serves until a termination signal arrives.
int RunServer(const DaemonConfig& config);

namespace config {
// The daemon's own override store (not the process environment).
void setenv(const std::string& key, const std::string& value);
std::string getenv(const std::string& key);
}  // namespace config

}  // namespace daemonkit

#endif  // BATCH7_MOCK_DAEMON_CONFIG_H_
