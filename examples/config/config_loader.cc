#include "examples/config/config_loader.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace examples {
namespace {

bool ParseInt(const std::string& text, int* value) {
  if (text.empty()) return false;
  char* end = nullptr;
  long parsed = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0' || parsed < 0 || parsed > 1000000) return false;
  *value = static_cast<int>(parsed);
  return true;
}

// Sets `key` in `config`; false for an unknown key or a bad value.
bool Set(const std::string& key, const std::string& value,
         WorkerConfig* config) {
  if (key == "endpoint") {
    config->endpoint = value;
    return !value.empty();
  }
  if (key == "threads") return ParseInt(value, &config->threads);
  if (key == "flush_ms") return ParseInt(value, &config->flush_ms);
  return false;
}

}  // namespace

std::optional<WorkerConfig> ParseConfig(const std::string& text,
                                        std::string* error) {
  WorkerConfig config;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    size_t equals = line.find('=');
    if (equals == std::string::npos ||
        !Set(line.substr(0, equals), line.substr(equals + 1), &config)) {
      *error = "line " + std::to_string(number) + ": cannot use '" + line + "'";
      return std::nullopt;
    }
  }
  return config;
}

std::optional<WorkerConfig> LoadConfigFile(const std::string& path,
                                           std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot open " + path;
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), error);
}

WorkerConfig ApplyOverrides(WorkerConfig config,
                            const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    WorkerConfig updated = config;
    if (Set(key, value, &updated)) config = updated;
  }
  return config;
}

std::map<std::string, std::string> EnvironmentOverrides() {
  std::map<std::string, std::string> values;
  const std::pair<const char*, const char*> kVariables[] = {
      {"LOCKSTEP_WORKER_ENDPOINT", "endpoint"},
      {"LOCKSTEP_WORKER_THREADS", "threads"},
      {"LOCKSTEP_WORKER_FLUSH_MS", "flush_ms"},
  };
  for (const auto& [variable, key] : kVariables) {
    if (const char* value = std::getenv(variable)) values[key] = value;
  }
  return values;
}

}  // namespace examples
