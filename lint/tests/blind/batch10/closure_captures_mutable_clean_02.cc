// Cache warmer for the CDN edge: warm-up tasks run on the executor and take
// the same mutex as the purge path for every access to the shared state.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "task_runner.h"

namespace cdn {

enum class WarmResult { kWarmed, kSkipped, kFailed };

class Origin {
 public:
  virtual ~Origin() = default;
  virtual runtime::Status Fetch(const std::string& path, std::string* body) = 0;
};

class CacheWarmer {
 public:
  CacheWarmer(runtime::Executor* executor, Origin* origin) : executor_(executor), origin_(origin) {}

  void WarmAll(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
      executor_->Post([this, path] { WarmOne(path); });
    }
    executor_->Schedule(std::chrono::seconds(30), [this] {
      std::lock_guard<std::mutex> lock(mu_);
      ++rounds_;
      runtime::Log("INFO") << "warm round " << rounds_ << ": " << warmed_.size() << " paths";
    });
  }

  void Purge(const std::string& prefix) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = warmed_.begin(); it != warmed_.end();) {
      if (it->rfind(prefix, 0) == 0) {
        it = warmed_.erase(it);
      } else {
        ++it;
      }
    }
    ++purges_;
  }

  size_t warmed_count() {
    std::lock_guard<std::mutex> lock(mu_);
    return warmed_.size();
  }

  void ResetRounds() {
    std::lock_guard<std::mutex> lock(mu_);
    rounds_ = 0;
  }

 private:
  WarmResult WarmOne(const std::string& path) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (warmed_.count(path)) return WarmResult::kSkipped;
    }
    std::string body;
    if (origin_->Fetch(path, &body) != runtime::Status::kOk) return WarmResult::kFailed;
    std::lock_guard<std::mutex> lock(mu_);
    warmed_.insert(path);
    bytes_ += body.size();
    return WarmResult::kWarmed;
  }

  runtime::Executor* const executor_;
  Origin* const origin_;
  std::mutex mu_;
  std::set<std::string> warmed_;
  uint64_t bytes_ = 0;
  uint64_t rounds_ = 0;
  uint64_t purges_ = 0;
};

}  // namespace cdn
