// Config watcher: ValidateAsync() returns a future whose task reads
// config_path_ on another thread, while SetPath() (driven by the admin
// endpoint) assigns it without any lock.
#include <fstream>
#include <future>
#include <mutex>
#include <string>
#include <utility>

namespace config {

inline bool ValidateFile(const std::string& path) {
  std::ifstream in(path);
  return in.good();
}

class ConfigWatcher {
 public:
  explicit ConfigWatcher(std::string path) : config_path_(std::move(path)) {}

  std::future<bool> ValidateAsync() {
    return std::async(std::launch::async, [this] {
      return ValidateFile(config_path_);
    });  // EXPECT: concurrency-closure-captures-mutable
  }

  void SetPath(std::string path) { config_path_ = std::move(path); }

  void RecordReload(bool ok) {
    std::lock_guard<std::mutex> lock(mu_);
    ok ? ++reloads_ : ++failed_reloads_;
  }

 private:
  std::string config_path_;
  std::mutex mu_;
  int reloads_ = 0;
  int failed_reloads_ = 0;
};

}  // namespace config
