// Engine supervisor: the crash-message callback captures the log path by
// value when it is created, the uploader gets its own copy of the upload
// settings, and the file system is a service used through its interface.
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace supervisor {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool Upload(const std::string& path, const std::string& bucket) = 0;
};

class EngineSession {
 public:
  explicit EngineSession(FileSystem& fs) : fs_(fs) {}
  ~EngineSession() {
    if (uploader_.joinable()) uploader_.join();
  }

  void Start(const std::string& log_path) {
    std::lock_guard<std::mutex> lock(mu_);
    log_path_ = log_path;
    crash_message_ = [path = log_path_] { return "engine died; log: " + path; };
  }

  // Called from the session's owner thread only.
  void UploadLogAsync(const std::string& bucket) {
    if (uploader_.joinable()) uploader_.join();
    std::string path;
    {
      std::lock_guard<std::mutex> lock(mu_);
      path = log_path_;
      ++uploads_started_;
    }
    FileSystem& fs = fs_;
    uploader_ = std::thread([&fs, path, bucket, attempts = 0]() mutable {
      while (attempts < 3 && !fs.Upload(path, bucket)) ++attempts;
    });
  }

  std::string CrashMessage() {
    std::lock_guard<std::mutex> lock(mu_);
    return crash_message_ ? crash_message_() : std::string();
  }

  void Cleanup() {
    std::lock_guard<std::mutex> lock(mu_);
    log_path_.clear();
  }

 private:
  FileSystem& fs_;
  std::mutex mu_;
  std::string log_path_;
  std::function<std::string()> crash_message_;
  int uploads_started_ = 0;
  std::thread uploader_;
};

}  // namespace supervisor
