// Abseil-style lazily compiled regular-expression set: the compiled form is
// built exactly once with absl::call_once, whichever thread asks first; the
// match counters are guarded by the mutex.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "mock/absl_mutex.h"

class CompiledPatterns {
 public:
  explicit CompiledPatterns(const std::vector<std::string>& patterns) : patterns_(patterns) {}
  bool Matches(const std::string& s) const {
    for (const std::string& p : patterns_) {
      if (s.find(p) != std::string::npos) return true;
    }
    return false;
  }

 private:
  std::vector<std::string> patterns_;
};

class UrlFilter {
 public:
  explicit UrlFilter(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}

  // Called from every request-handling thread.
  bool IsBlocked(const std::string& url) ABSL_LOCKS_EXCLUDED(mu_) {
    absl::call_once(compile_once_, [this] { compiled_ = std::make_unique<CompiledPatterns>(patterns_); });
    bool blocked = compiled_->Matches(url);
    absl::MutexLock l(&mu_);
    ++checked_;
    if (blocked) ++blocked_;
    return blocked;
  }

  int64_t blocked() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    return blocked_;
  }

  int64_t checked() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    return checked_;
  }

 private:
  const std::vector<std::string> patterns_;
  absl::once_flag compile_once_;
  std::unique_ptr<CompiledPatterns> compiled_;  // Written once, inside compile_once_.
  mutable absl::Mutex mu_;
  int64_t checked_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t blocked_ ABSL_GUARDED_BY(mu_) = 0;
};
