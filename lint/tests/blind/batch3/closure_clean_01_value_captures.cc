// Engine supervisor: the crash-message callback and the scheduled retry
// capture the values they need when they are created (init-captures and a
// mutable by-value counter), so later Cleanup() writes don't race with them.
#include <functional>
#include <mutex>
#include <string>
#include <utility>

namespace engine {

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  virtual void Schedule(std::function<void()> task) = 0;
};

inline void Restart(const std::string& binary, int attempt) { (void)binary; (void)attempt; }

class Supervisor {
 public:
  Supervisor(Scheduler* scheduler, std::string binary, std::string log_path)
      : scheduler_(scheduler), binary_(std::move(binary)), log_path_(std::move(log_path)) {}

  void Start() {
    crash_message_ = [path = log_path_, binary = binary_] {
      return "engine " + binary + " died; see " + path;
    };
    scheduler_->Schedule([binary = binary_, attempts = 0]() mutable {
      while (attempts < 3) Restart(binary, ++attempts);
    });
  }

  void Cleanup() {
    std::lock_guard<std::mutex> lock(mu_);
    log_path_.clear();
    binary_.clear();
  }

  std::string CrashMessage() const { return crash_message_ ? crash_message_() : ""; }

 private:
  Scheduler* const scheduler_;
  std::mutex mu_;
  std::string binary_;
  std::string log_path_;
  std::function<std::string()> crash_message_;
};

}  // namespace engine
