// Ported from org.example.cache.ExpiringMap (Java). Every access to the map
// was inside `synchronized (lock) { ... }` in the original; the port keeps
// the blocks. The hit counter was an AtomicLong and stays one.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <jport/lang.h>

namespace org::example::cache {

class ExpiringMap : public jport::Object {
 public:
  ExpiringMap(std::string name, int64_t ttlMillis) : name_(std::move(name)), ttlMillis_(ttlMillis) {}

  void put(const std::string& key, std::string value) {
    const int64_t now = jport::System::currentTimeMillis();
    synchronized_(lock_) {
      entries_[key] = Entry{std::move(value), now + ttlMillis_};
      ++modCount_;
    }
  }

  std::optional<std::string> get(const std::string& key) {
    const int64_t now = jport::System::currentTimeMillis();
    synchronized_(lock_) {
      auto it = entries_.find(key);
      if (it == entries_.end()) return std::nullopt;
      if (it->second.expiresAt <= now) {
        entries_.erase(it);
        ++modCount_;
        return std::nullopt;
      }
      hits_.incrementAndGet();
      return it->second.value;
    }
    return std::nullopt;
  }

  // Called by the janitor thread every few seconds.
  int purgeExpired() {
    const int64_t now = jport::System::currentTimeMillis();
    int removed = 0;
    synchronized_(lock_) {
      for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->second.expiresAt <= now) {
          it = entries_.erase(it);
          ++removed;
        } else {
          ++it;
        }
      }
      if (removed > 0) ++modCount_;
    }
    return removed;
  }

  int64_t modCount() {
    synchronized_(lock_) { return modCount_; }
    return 0;
  }

  int64_t hits() const { return hits_.get(); }

  std::string toString() const override {
    return "ExpiringMap[" + name_ + ", ttl=" + std::to_string(ttlMillis_) +
           "ms, hits=" + std::to_string(hits_.get()) + "]";
  }

 private:
  struct Entry {
    std::string value;
    int64_t expiresAt;
  };

  const std::string name_;
  const int64_t ttlMillis_;
  jport::Monitor lock_;
  std::map<std::string, Entry> entries_ JPORT_GUARDED_BY(lock_);
  int64_t modCount_ JPORT_GUARDED_BY(lock_) = 0;
  jport::AtomicLong hits_;
};

}  // namespace org::example::cache
