#include "client/profiles.h"

#include <map>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace lockstep {
namespace {

class ProfileRegistry {
 public:
  ProfileRegistry() {
    profiles_["dev"] = Settings();
    profiles_["ci"] = Settings().Derandomize(true);
    profiles_["thorough"] =
        Settings()
            .TestCases(1000)
            .MaxShrinkCalls(10 * protocol::kDefaultMaxShrinkCalls)
            .MaxShrinkSeconds(10 * protocol::kDefaultMaxShrinkSeconds);
  }

  // A function-local static: built once, thread-safely, even when the first
  // caller is another translation unit's static initializer.
  static ProfileRegistry& Global() {
    static ProfileRegistry* registry = new ProfileRegistry();
    return *registry;
  }

  void Register(const std::string& name, Settings settings)
      ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    profiles_[name] = std::move(settings);
  }

  std::optional<Settings> Find(const std::string& name) const
      ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    auto found = profiles_.find(name);
    if (found == profiles_.end()) return std::nullopt;
    return found->second;
  }

  std::vector<std::string> Names() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock lock(&mu_);
    std::vector<std::string> names;
    for (const auto& entry : profiles_) names.push_back(entry.first);
    return names;
  }

 private:
  mutable absl::Mutex mu_;
  std::map<std::string, Settings> profiles_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

bool RegisterProfile(const std::string& name, Settings settings) {
  ProfileRegistry::Global().Register(name, std::move(settings));
  return true;
}

std::optional<Settings> FindProfile(const std::string& name) {
  return ProfileRegistry::Global().Find(name);
}

std::vector<std::string> ProfileNames() {
  return ProfileRegistry::Global().Names();
}

}  // namespace lockstep
