// A rotating access logger for an HTTP server: request threads log lines,
// and the rotation timer closes the current file and opens the next one.
// The hot path avoids the logger's mutex because stdio locks the FILE.
#include <cstdarg>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace httpd {

struct AccessRecord {
  std::string method;
  std::string path;
  int status;
  uint64_t bytes;
  double duration_ms;
};

class AccessLog {
 public:
  explicit AccessLog(std::string base_path) : base_path_(std::move(base_path)) {}
  ~AccessLog() {
    if (file_ != nullptr) std::fclose(file_);
  }

  bool Open() {
    std::lock_guard<std::mutex> lock(mu_);
    file_ = std::fopen(CurrentPathLocked().c_str(), "a");
    return file_ != nullptr;
  }

  // Request threads.
  void Log(const AccessRecord& r) {
    std::fprintf(file_, "%s %s %d %llu %.3f\n", r.method.c_str(), r.path.c_str(), r.status,  // EXPECT: concurrency-use-after-close
                 static_cast<unsigned long long>(r.bytes), r.duration_ms);
    lines_.fetch_add(1, std::memory_order_relaxed);
  }

  // Rotation timer, once an hour.
  bool Rotate() {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ != nullptr) {
      std::fflush(file_);
      std::fclose(file_);
      file_ = nullptr;
    }
    ++generation_;
    file_ = std::fopen(CurrentPathLocked().c_str(), "a");
    return file_ != nullptr;
  }

  // Admin page: current size of the live log file.
  long CurrentSize() {
    return std::ftell(file_);  // EXPECT: concurrency-use-after-close
  }

  void Flush() {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ != nullptr) std::fflush(file_);
  }

  uint64_t lines() const { return lines_.load(std::memory_order_relaxed); }

  int generation() {
    std::lock_guard<std::mutex> lock(mu_);
    return generation_;
  }

 private:
  std::string CurrentPathLocked() const { return base_path_ + "." + std::to_string(generation_); }

  const std::string base_path_;
  std::mutex mu_;
  std::FILE* file_ = nullptr;
  int generation_ = 0;
  std::atomic<uint64_t> lines_{0};
};

// Per-status-class counters for the daily report (owned by the report thread).
struct DailyReport {
  uint64_t by_class[6] = {0, 0, 0, 0, 0, 0};
  uint64_t bytes = 0;

  void Add(int status, uint64_t b) {
    const int cls = status / 100;
    if (cls >= 0 && cls < 6) ++by_class[cls];
    bytes += b;
  }

  std::string Render() const {
    std::string out;
    for (int i = 1; i < 6; ++i) out += std::to_string(i) + "xx=" + std::to_string(by_class[i]) + " ";
    return out + "bytes=" + std::to_string(bytes);
  }
};

// Formats the duration bucket used in the daily report.
const char* DurationBucket(double ms) {
  if (ms < 10) return "<10ms";
  if (ms < 100) return "<100ms";
  if (ms < 1000) return "<1s";
  return ">=1s";
}

void LogRequest(AccessLog* log, const std::string& method, const std::string& path, int status,
                uint64_t bytes, double ms) {
  AccessRecord r{method, path, status, bytes, ms};
  log->Log(r);
  if (status >= 500) std::fprintf(stderr, "5xx on %s (%s)\n", path.c_str(), DurationBucket(ms));
}

}  // namespace httpd
