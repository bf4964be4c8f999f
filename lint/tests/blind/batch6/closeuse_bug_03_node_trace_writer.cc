// Node.js-style trace-event file writer: the agent's writer thread appends
// JSON chunks to the current trace file under stream_mutex_; Stop(), called
// on the main thread at exit, closes the file under request_mutex_. The two
// mutexes have nothing in common.
#include <stdio.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "mock/node_mutex.h"

namespace node {
namespace tracing {

class NodeTraceWriter {
 public:
  explicit NodeTraceWriter(std::string pattern) : log_file_pattern_(std::move(pattern)) {}

  ~NodeTraceWriter() {
    Stop();
    if (thread_.joinable()) thread_.join();
    if (fp_ != nullptr) fclose(fp_);
  }

  void Start() {
    Mutex::ScopedLock lock(request_mutex_);
    fp_ = fopen(log_file_pattern_.c_str(), "a");
    thread_ = std::thread([this] { WriterLoop(); });
  }

  void AppendTraceEvent(const std::string& json) {
    Mutex::ScopedLock lock(stream_mutex_);
    buffered_ += json;
    buffered_ += ",\n";
  }

  // Main thread, from the exit handler.
  void Stop() {
    Mutex::ScopedLock lock(request_mutex_);
    exiting_ = true;
    if (fp_ != nullptr) {
      fclose(fp_);
      fp_ = nullptr;
    }
  }

 private:
  void WriterLoop() {
    for (;;) {
      {
        Mutex::ScopedLock lock(request_mutex_);
        if (exiting_) return;
      }
      FlushBuffered();
      usleep(10 * 1000);
    }
  }

  void FlushBuffered() {
    Mutex::ScopedLock lock(stream_mutex_);
    if (buffered_.empty()) return;
    fwrite(buffered_.data(), 1, buffered_.size(), fp_);  // EXPECT: concurrency-use-after-close
    buffered_.clear();
  }

  const std::string log_file_pattern_;
  Mutex stream_mutex_;
  Mutex request_mutex_;
  std::string buffered_;
  bool exiting_ = false;
  FILE* fp_ = nullptr;
  std::thread thread_;
};

}  // namespace tracing
}  // namespace node
