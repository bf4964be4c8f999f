// Registry-backed configuration store for the desktop agent. Many threads
// read settings; the change-notification thread rewrites them.
#include <map>
#include <string>

#include "win_sync.h"

namespace agent {

enum class ValueType { String, Dword, MultiString };

struct ConfigValue {
  ValueType type = ValueType::String;
  std::string data;
};

class ConfigStore {
 public:
  ConfigStore() { InitializeSRWLock(&lock_); }

  void Set(const std::string& key, ConfigValue value) {
    AcquireSRWLockExclusive(&lock_);
    values_[key] = std::move(value);
    ++revision_;
    ReleaseSRWLockExclusive(&lock_);
  }

  bool Get(const std::string& key, ConfigValue* out) {
    AcquireSRWLockShared(&lock_);
    auto it = values_.find(key);
    bool found = it != values_.end();
    if (found) *out = it->second;
    ReleaseSRWLockShared(&lock_);
    return found;
  }

  // Zero-copy accessor for hot paths (the proxy settings are read on every
  // connection).
  const std::string* FindData(const std::string& key) {
    AcquireSRWLockShared(&lock_);
    auto it = values_.find(key);
    const std::string* data = it == values_.end() ? nullptr : &it->second.data;
    ReleaseSRWLockShared(&lock_);
    return data;  // EXPECT: concurrency-unguarded-field
  }

  void ReplaceAll(std::map<std::string, ConfigValue> fresh) {
    AcquireSRWLockExclusive(&lock_);
    values_.swap(fresh);
    ++revision_;
    ReleaseSRWLockExclusive(&lock_);
  }

  unsigned long Revision() {
    AcquireSRWLockShared(&lock_);
    unsigned long r = revision_;
    ReleaseSRWLockShared(&lock_);
    return r;
  }

 private:
  SRWLOCK lock_;
  std::map<std::string, ConfigValue> values_;
  unsigned long revision_ = 0;
};

class ProxyResolver {
 public:
  explicit ProxyResolver(ConfigStore* store) : store_(store) {}

  std::string ProxyFor(const std::string& host) {
    const std::string* bypass = store_->FindData("ProxyBypass");
    if (bypass != nullptr && bypass->find(host) != std::string::npos) return "DIRECT";
    const std::string* server = store_->FindData("ProxyServer");
    return server == nullptr ? "DIRECT" : "PROXY " + *server;
  }

  void Reload(const std::map<std::string, std::string>& raw) {
    std::map<std::string, ConfigValue> fresh;
    for (const auto& [k, v] : raw) fresh[k] = ConfigValue{ValueType::String, v};
    store_->ReplaceAll(std::move(fresh));
  }

 private:
  ConfigStore* store_;
};

}  // namespace agent
