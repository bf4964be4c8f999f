// HTTP access log: Log() serializes lines under mu_, but Shutdown() (run by
// the server's stop handler while request threads may still be finishing)
// fcloses the FILE* without taking mu_.
#include <cstdio>
#include <mutex>
#include <string>

namespace http {

class AccessLog {
 public:
  explicit AccessLog(const std::string& path) : file_(std::fopen(path.c_str(), "a")) {}

  void Log(const std::string& method, const std::string& path, int status) {
    const std::string line = method + " " + path + " " + std::to_string(status) + "\n";
    std::lock_guard<std::mutex> lock(mu_);
    ++lines_;
    if (file_ != nullptr) std::fputs(line.c_str(), file_);  // EXPECT: concurrency-use-after-close
  }

  void Shutdown() {
    if (file_ != nullptr) {
      std::fclose(file_);
      file_ = nullptr;
    }
  }

  long lines() {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

 private:
  std::FILE* file_;
  std::mutex mu_;
  long lines_ = 0;
};

}  // namespace http
