// Build-farm job session: the crash message closure and the upload task
// capture the values they need when they are created, so later changes to the
// session do not race with them.
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "task_runner.h"

namespace buildfarm {

enum class JobState { kQueued, kRunning, kFailed, kDone };

struct JobSpec {
  std::string target;
  std::string log_dir;
  int shard = 0;
};

class CrashReporter {
 public:
  void SetMessageFn(std::function<std::string()> fn) {
    std::lock_guard<std::mutex> lock(mu_);
    fn_ = std::move(fn);
  }
  std::string Message() {
    std::lock_guard<std::mutex> lock(mu_);
    return fn_ ? fn_() : "no crash message";
  }

 private:
  std::mutex mu_;
  std::function<std::string()> fn_;
};

class JobSession {
 public:
  JobSession(runtime::Executor* uploads, CrashReporter* crash) : uploads_(uploads), crash_(crash) {}

  void Start(const JobSpec& spec) {
    std::lock_guard<std::mutex> lock(mu_);
    log_path_ = spec.log_dir + "/" + spec.target + "." + std::to_string(spec.shard) + ".log";
    state_ = JobState::kRunning;
    crash_->SetMessageFn([path = log_path_, target = spec.target] {
      return "build of " + target + " crashed; log: " + path;
    });
  }

  void Finish(bool ok) {
    std::string path;
    {
      std::lock_guard<std::mutex> lock(mu_);
      state_ = ok ? JobState::kDone : JobState::kFailed;
      path = log_path_;
      ++attempts_;
    }
    uploads_->Post([path, ok, attempt = 0]() mutable {
      ++attempt;
      runtime::Log("INFO") << "uploading " << path << (ok ? " (ok)" : " (failed)") << " try " << attempt;
    });
  }

  void Cleanup() {
    std::lock_guard<std::mutex> lock(mu_);
    log_path_.clear();
    state_ = JobState::kQueued;
  }

  JobState state() {
    std::lock_guard<std::mutex> lock(mu_);
    return state_;
  }

 private:
  runtime::Executor* const uploads_;
  CrashReporter* const crash_;
  std::mutex mu_;
  std::string log_path_;
  JobState state_ = JobState::kQueued;
  int attempts_ = 0;
};

}  // namespace buildfarm
