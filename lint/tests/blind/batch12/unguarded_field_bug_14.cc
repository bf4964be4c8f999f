// Dynamic configuration registry. A config-service client thread pushes new
// values; request threads read them under the shared lock and may subscribe
// to be told when a key changes.

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace config {

class ConfigRegistry {
 public:
  using Callback = std::function<void(const std::string& key, const std::string& value)>;

  std::optional<std::string> get(const std::string& key) const {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    auto it = values_.find(key);
    if (it == values_.end()) {
      return std::nullopt;
    }
    return it->second;
  }

  uint64_t version() const {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    return version_;
  }

  uint64_t subscribe(Callback cb) {
    std::unique_lock<std::shared_mutex> lock(mutex_);
    const uint64_t id = nextId_++;
    subscribers_.emplace(id, std::move(cb));
    return id;
  }

  void unsubscribe(uint64_t id) {
    std::unique_lock<std::shared_mutex> lock(mutex_);
    subscribers_.erase(id);
  }

  // Called by the config-service client for each pushed update.
  void set(const std::string& key, const std::string& value) {
    std::unique_lock<std::shared_mutex> lock(mutex_);
    auto& slot = values_[key];
    if (slot == value) {
      return;
    }
    slot = value;
    ++version_;
    // Subscribers may call get(); don't hold the lock while notifying them.
    lock.unlock();
    for (const auto& [id, cb] : subscribers_) {  // EXPECT: concurrency-unguarded-field
      cb(key, value);
    }
  }

 private:
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::string> values_;  // guarded by mutex_
  std::map<uint64_t, Callback> subscribers_;  // guarded by mutex_
  uint64_t nextId_ = 1;  // guarded by mutex_
  uint64_t version_ = 0;  // guarded by mutex_
};

// Typed accessor with a default, used all over the request path.
class IntFlag {
 public:
  IntFlag(ConfigRegistry& registry, std::string key, int64_t fallback)
      : registry_(registry), key_(std::move(key)), fallback_(fallback) {}

  int64_t value() const {
    const auto raw = registry_.get(key_);
    if (!raw) {
      return fallback_;
    }
    try {
      return std::stoll(*raw);
    } catch (const std::exception&) {
      return fallback_;
    }
  }

 private:
  ConfigRegistry& registry_;
  const std::string key_;
  const int64_t fallback_;
};

}  // namespace config
