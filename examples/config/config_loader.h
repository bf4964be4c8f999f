// The worker's settings: defaults, then a "key=value" file, then overrides
// (from the environment in main(), passed explicitly everywhere else).
#ifndef LOCKSTEP_EXAMPLES_CONFIG_CONFIG_LOADER_H_
#define LOCKSTEP_EXAMPLES_CONFIG_CONFIG_LOADER_H_

#include <map>
#include <optional>
#include <string>

namespace examples {

struct WorkerConfig {
  std::string endpoint = "localhost";
  int threads = 4;
  int flush_ms = 100;
};

// Parses "key=value" lines (blank lines and '#' comments are skipped). On a
// malformed line or an unknown key, returns nothing and describes it in
// `error`.
std::optional<WorkerConfig> ParseConfig(const std::string& text,
                                        std::string* error);

// Reads and parses the file at `path`.
std::optional<WorkerConfig> LoadConfigFile(const std::string& path,
                                           std::string* error);

// Applies overrides keyed like the file ("threads" -> "8"); unknown keys are
// ignored.
WorkerConfig ApplyOverrides(WorkerConfig config,
                            const std::map<std::string, std::string>& values);

// The overrides set in the process environment (LOCKSTEP_WORKER_ENDPOINT,
// LOCKSTEP_WORKER_THREADS, LOCKSTEP_WORKER_FLUSH_MS). Read it once, in
// main(), and pass the result on.
std::map<std::string, std::string> EnvironmentOverrides();

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_CONFIG_CONFIG_LOADER_H_
