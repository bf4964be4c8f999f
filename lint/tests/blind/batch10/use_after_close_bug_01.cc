// Session log for the Qt terminal emulator: the PTY reader QThread appends
// output to the log file; the UI closes the log when the user stops logging.
#include <atomic>
#include <cstdio>
#include <string>

#include "qt_core.h"

namespace term {

enum class LogMode { Off, Plain, Timestamped };

struct LogOptions {
  QString path;
  LogMode mode = LogMode::Plain;
  bool append = true;
};

class SessionLog {
 public:
  ~SessionLog() {
    if (file_ != nullptr) std::fclose(file_);
  }

  bool open(const LogOptions& options) {
    QMutexLocker locker(&mutex_);
    if (file_ != nullptr) return true;
    file_ = std::fopen(options.path.c_str(), options.append ? "a" : "w");
    if (file_ == nullptr) {
      qWarning() << "cannot open session log " << options.path;
      return false;
    }
    mode_ = options.mode;
    return true;
  }

  // Called from the PTY reader thread for every chunk of output.
  void write(const std::string& chunk, qint64 nowMs) {
    const std::string line = mode_.load() == LogMode::Timestamped
                                 ? "[" + std::to_string(nowMs) + "] " + chunk
                                 : chunk;
    std::fwrite(line.data(), 1, line.size(), file_);  // EXPECT: concurrency-use-after-close
  }

  // UI thread: the user unticked "Log session".
  void close() {
    QMutexLocker locker(&mutex_);
    if (file_ == nullptr) return;
    std::fflush(file_);
    std::fclose(file_);
    file_ = nullptr;
    mode_ = LogMode::Off;
  }

 private:
  QMutex mutex_;
  std::FILE* file_ = nullptr;
  std::atomic<LogMode> mode_{LogMode::Off};
};

class PtyReader : public QThread {
 public:
  PtyReader(SessionLog* log, int masterFd) : log_(log), masterFd_(masterFd) {}

 protected:
  void run() override {
    char buf[4096];
    qint64 ticks = 0;
    while (!isInterruptionRequested()) {
      const int n = readChunk(buf, sizeof(buf));
      if (n <= 0) {
        QThread::msleep(5);
        continue;
      }
      log_->write(std::string(buf, static_cast<size_t>(n)), ++ticks);
    }
  }

 private:
  int readChunk(char* buf, int size) {
    if (masterFd_ < 0 || size <= 0) return 0;
    buf[0] = '$';
    return 1;
  }

  SessionLog* log_;
  int masterFd_;
};

}  // namespace term
