// Access log for the embedded HTTP server: worker threads append lines and
// the admin endpoint reopens the file after logrotate moved it. Every use and
// every close holds the same mutex.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httpd {

enum class Method { kGet, kPost, kPut, kDelete };

struct AccessEntry {
  std::string client;
  Method method = Method::kGet;
  std::string path;
  int status = 200;
  size_t bytes = 0;
};

class AccessLog {
 public:
  explicit AccessLog(std::string path) : path_(std::move(path)) {}
  ~AccessLog() {
    if (file_ != nullptr) std::fclose(file_);
  }

  bool Open() {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ == nullptr) file_ = std::fopen(path_.c_str(), "a");
    return file_ != nullptr;
  }

  void Append(const AccessEntry& e) {
    const std::string line = Format(e);
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ == nullptr) {
      ++dropped_;
      return;
    }
    std::fputs(line.c_str(), file_);
    ++written_;
  }

  // Admin endpoint after logrotate: close and open again under the lock.
  bool Reopen() {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ != nullptr) std::fclose(file_);
    file_ = std::fopen(path_.c_str(), "a");
    return file_ != nullptr;
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    if (file_ == nullptr) return;
    std::fflush(file_);
    std::fclose(file_);
    file_ = nullptr;
  }

  size_t Written() {
    std::lock_guard<std::mutex> lock(mu_);
    return written_;
  }

 private:
  static std::string Format(const AccessEntry& e) {
    static const char* kMethods[] = {"GET", "POST", "PUT", "DELETE"};
    return e.client + " \"" + kMethods[static_cast<int>(e.method)] + " " + e.path + "\" " +
           std::to_string(e.status) + " " + std::to_string(e.bytes) + "\n";
  }

  const std::string path_;
  std::mutex mu_;
  std::FILE* file_ = nullptr;
  size_t written_ = 0;
  size_t dropped_ = 0;
};

void ServeBurst(AccessLog& log, int workers) {
  std::vector<std::thread> threads;
  for (int i = 0; i < workers; ++i) {
    threads.emplace_back([&log, i] {
      AccessEntry e;
      e.client = "10.0.0." + std::to_string(i);
      e.path = "/healthz";
      log.Append(e);
    });
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace httpd
