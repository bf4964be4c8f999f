// A process-wide logger with a runtime-settable level and sink.
#ifndef LOCKSTEP_EXAMPLES_LOGGER_LOGGER_H_
#define LOCKSTEP_EXAMPLES_LOGGER_LOGGER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace examples {

enum class Level { kDebug, kInfo, kWarning, kError };

class Logger {
 public:
  using Sink = std::function<void(const std::string&)>;

  // The process-wide logger.
  static Logger& Default();

  void SetLevel(Level level);
  Level level() const;
  // Only errors from now on (used when the disk is nearly full).
  void Quiet();
  void AddSink(Sink sink);
  void Log(Level level, const std::string& message);
  std::vector<std::string> Recent() const;

 private:
  void Remember(const std::string& line);
  const std::string& Prefix();

  mutable absl::Mutex mu_;
  Level level_ = Level::kInfo;
  std::vector<Sink> sinks_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> recent_ ABSL_GUARDED_BY(mu_);
  std::string* prefix_ = nullptr;
};

// Formats a line with the process's host name, looked up once.
std::string WithHost(const std::string& line);

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_LOGGER_LOGGER_H_
