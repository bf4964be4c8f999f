// Render engine session for the Qt-based CAD viewer. The engine process can
// die at any time; the watchdog calls the stored crash message closure from
// its own thread to build the user-visible error.
#include <functional>
#include <string>

#include "qt_core.h"

namespace cadview {

enum class EngineState { Starting, Running, Crashed, Stopped };

struct EngineOptions {
  QString binary;
  QString logDirectory;
  int gpuIndex = 0;
};

class EngineWatchdog {
 public:
  void setCrashMessage(std::function<QString()> fn) {
    QMutexLocker locker(&mutex_);
    crashMessage_ = std::move(fn);
  }
  void onEngineExited(int code) {
    std::function<QString()> fn;
    {
      QMutexLocker locker(&mutex_);
      fn = crashMessage_;
    }
    if (code != 0 && fn) qWarning() << fn();
  }

 private:
  QMutex mutex_;
  std::function<QString()> crashMessage_;
};

class RenderSession {
 public:
  RenderSession(EngineWatchdog* watchdog, EngineOptions options)
      : watchdog_(watchdog), options_(std::move(options)) {}

  void start() {
    logPath_ = options_.logDirectory + "/engine-" + std::to_string(options_.gpuIndex) + ".log";
    watchdog_->setCrashMessage([this] {
      return "render engine died; see " + logPath_;  // EXPECT: concurrency-closure-captures-mutable
    });
    QMutexLocker locker(&mutex_);
    state_ = EngineState::Running;
  }

  // Called when the user switches GPU: the session restarts with a new log.
  void cleanup() {
    QMutexLocker locker(&mutex_);
    state_ = EngineState::Stopped;
    logPath_.clear();
  }

  EngineState state() {
    QMutexLocker locker(&mutex_);
    return state_;
  }

 private:
  EngineWatchdog* const watchdog_;
  const EngineOptions options_;
  QMutex mutex_;
  EngineState state_ = EngineState::Starting;
  QString logPath_;
};


const char* engineStateName(EngineState s) {
  switch (s) {
    case EngineState::Starting: return "starting";
    case EngineState::Running: return "running";
    case EngineState::Crashed: return "crashed";
    case EngineState::Stopped: return "stopped";
  }
  return "unknown";
}

QString describeSession(RenderSession& session) {
  return QString("engine ") + engineStateName(session.state());
}

}  // namespace cadview
