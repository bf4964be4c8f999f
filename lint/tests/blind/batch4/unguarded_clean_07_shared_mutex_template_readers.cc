// Versioned lookup table for feature flags. Readers take a shared lock and
// only call non-modifying members; updates take the exclusive lock.

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

namespace flags {

template <typename Key, typename Value>
class VersionedTable {
 public:
  void Put(const Key& key, Value value) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    entries_[key] = std::move(value);
    ++version_;
  }

  bool Erase(const Key& key) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    if (entries_.erase(key) == 0) return false;
    ++version_;
    return true;
  }

  std::optional<Value> Get(const Key& key) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
  }

  bool Contains(const Key& key) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return entries_.count(key) != 0;
  }

  std::vector<Key> Keys() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    std::vector<Key> keys;
    keys.reserve(entries_.size());
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      keys.push_back(it->first);
    }
    return keys;
  }

  uint64_t version() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return version_;
  }

 private:
  mutable std::shared_mutex mu_;
  std::map<Key, Value> entries_;
  uint64_t version_ = 0;
};

class FlagStore {
 public:
  void Set(const std::string& name, bool enabled) { table_.Put(name, enabled); }
  bool IsEnabled(const std::string& name) const {
    return table_.Get(name).value_or(false);
  }
  std::vector<std::string> Names() const { return table_.Keys(); }

 private:
  VersionedTable<std::string, bool> table_;
};

}  // namespace flags
