#include "examples/logger/logger.h"

#include <unistd.h>

#include <string>
#include <utility>

#include "absl/base/call_once.h"

namespace examples {

Logger& Logger::Default() {
  static Logger* logger = new Logger();  // a magic static: initialized once
  return *logger;
}

void Logger::SetLevel(Level level) {
  // BUG: level_ is read under mu_ in Log(); this write holds nothing.
  level_ = level;
}

Level Logger::level() const {
  absl::MutexLock lock(&mu_);
  return level_;
}

void Logger::Quiet() {
  absl::MutexLock lock(&mu_);
  level_ = Level::kError;
}

void Logger::AddSink(Sink sink) {
  absl::MutexLock lock(&mu_);
  sinks_.push_back(std::move(sink));
}

void Logger::Log(Level level, const std::string& message) {
  std::string line = Prefix() + message;
  absl::MutexLock lock(&mu_);
  if (level < level_) return;
  for (const Sink& sink : sinks_) sink(line);
  Remember(line);
}

const std::string& Logger::Prefix() {
  // BUG: built on first use without synchronization; two threads logging at
  // once can both allocate it (and one reads a half-built string).
  if (prefix_ == nullptr) {
    prefix_ = new std::string("[" + std::to_string(getpid()) + "] ");
  }
  return *prefix_;
}

std::vector<std::string> Logger::Recent() const {
  absl::MutexLock lock(&mu_);
  return recent_;
}

void Logger::Remember(const std::string& line) {
  recent_.push_back(line);
  if (recent_.size() > 100) recent_.erase(recent_.begin());
}

std::string WithHost(const std::string& line) {
  // BUG: a lazily filled static without synchronization.
  static char* host = nullptr;
  if (host == nullptr) {
    host = new char[256];
    if (gethostname(host, 256) != 0) host[0] = '\0';
  }
  return std::string(host) + ": " + line;
}

std::string ProcessName() {
  // Correct: absl::call_once runs the initializer exactly once.
  static absl::once_flag once;
  static std::string* name = nullptr;
  absl::call_once(once, [] { name = new std::string("lockstep-example"); });
  return *name;
}

}  // namespace examples
