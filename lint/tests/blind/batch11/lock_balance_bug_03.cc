// Configuration watcher: observers are notified when a key changes. The
// notify helper takes the lock itself and is declared LOCKS_EXCLUDED, but
// the update path calls it while still holding the lock.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace config {

class ConfigWatcher {
 public:
  using Observer = std::function<void(const std::string& key, const std::string& value)>;

  void AddObserver(Observer observer) {
    absl::MutexLock lock(&mu_);
    observers_.push_back(std::move(observer));
  }

  void Update(const std::string& key, const std::string& value) {
    absl::MutexLock lock(&mu_);
    auto it = values_.find(key);
    if (it != values_.end() && it->second == value) return;
    values_[key] = value;
    ++version_;
    NotifyObservers(key, value);  // EXPECT: concurrency-lock-balance
  }

  std::string Get(const std::string& key) {
    absl::MutexLock lock(&mu_);
    auto it = values_.find(key);
    return it == values_.end() ? std::string() : it->second;
  }

 private:
  void NotifyObservers(const std::string& key, const std::string& value)
      ABSL_LOCKS_EXCLUDED(mu_) {
    std::vector<Observer> observers;
    {
      absl::MutexLock lock(&mu_);
      observers = observers_;
    }
    for (const Observer& observer : observers) observer(key, value);
  }

  absl::Mutex mu_;
  std::vector<Observer> observers_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::string> values_ ABSL_GUARDED_BY(mu_);
  uint64_t version_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace config
