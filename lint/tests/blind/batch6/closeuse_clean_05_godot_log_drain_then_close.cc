// Godot-style file logger: each log call from any thread is handed to a
// short-lived writer thread that writes under the log mutex and counts
// itself in and out; close() waits until no write is pending before it
// closes the file, and later calls see the file gone.
#include <stdio.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "mock/godot_os.h"

class RotatedFileLogger {
 public:
  explicit RotatedFileLogger(const String& p_path) : file(fopen(p_path.c_str(), "a")) {}

  ~RotatedFileLogger() {
    close();
    for (std::thread& t : writers) t.join();
  }

  void logv(const String& p_line) {
    std::lock_guard<std::mutex> lock(mutex);
    if (file == nullptr) return;
    ++pending_writes;
    writers.emplace_back([this, p_line] { _write(p_line); });
  }

  void close() {
    std::unique_lock<std::mutex> lock(mutex);
    while (pending_writes > 0) drained.wait(lock);
    if (file != nullptr) {
      fclose(file);
      file = nullptr;
    }
  }

 private:
  void _write(const String& p_line) {
    std::lock_guard<std::mutex> lock(mutex);
    fputs(p_line.c_str(), file);
    fputc('\n', file);
    if (--pending_writes == 0) drained.notify_all();
  }

  std::mutex mutex;
  std::condition_variable drained;
  FILE* file;
  int pending_writes = 0;
  std::vector<std::thread> writers;
};
