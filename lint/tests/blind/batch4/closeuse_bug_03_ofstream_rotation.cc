// HTTP access log. Request threads append lines; on SIGHUP the file is
// renamed and reopened.

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <string>

namespace httpd {

class AccessLog {
 public:
  explicit AccessLog(std::string path) : path_(std::move(path)) {
    out_.open(path_, std::ios::app);
  }

  // Request threads.
  void Append(const std::string& line) {
    std::lock_guard<std::mutex> lock(line_mu_);  // keeps lines whole
    out_ << line << '\n';  // EXPECT: concurrency-use-after-close
    ++lines_;
  }

  uint64_t lines() {
    std::lock_guard<std::mutex> lock(line_mu_);
    return lines_;
  }

  // Called by the signal-handling thread on SIGHUP, after logrotate has
  // picked up the current file.
  void Reopen() {
    out_.close();
    const std::string rotated = path_ + "." + std::to_string(++generation_);
    std::rename(path_.c_str(), rotated.c_str());
    out_.open(path_, std::ios::app);
  }

 private:
  const std::string path_;
  std::ofstream out_;
  std::mutex line_mu_;
  uint64_t lines_ = 0;
  // Only touched by the signal-handling thread.
  int generation_ = 0;
};

class SighupHandler {
 public:
  explicit SighupHandler(AccessLog& log) : log_(log) {}
  void OnSignal() {
    reopen_count_.fetch_add(1);
    log_.Reopen();
  }

 private:
  AccessLog& log_;
  std::atomic<int> reopen_count_{0};
};

}  // namespace httpd
