// Chromium-style annotated base::Lock. The prefs store releases its lock
// with AutoUnlock while it writes to disk, but inside the window it only
// touches a local copy; every guarded member is accessed under AutoLock.
#include <cstdio>
#include <map>
#include <mutex>
#include <string>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define ASSERT_CAPABILITY(x) __attribute__((assert_capability(x)))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))

namespace base {
class CAPABILITY("mutex") Lock {
 public:
  void Acquire() ACQUIRE() { impl_.lock(); }
  void Release() RELEASE() { impl_.unlock(); }
  void AssertAcquired() const ASSERT_CAPABILITY(this) {}

 private:
  std::mutex impl_;
};

class SCOPED_LOCKABLE AutoLock {
 public:
  explicit AutoLock(Lock& lock) ACQUIRE(lock) : lock_(lock) { lock_.Acquire(); }
  ~AutoLock() RELEASE() { lock_.Release(); }

 private:
  Lock& lock_;
};

class SCOPED_LOCKABLE AutoUnlock {
 public:
  explicit AutoUnlock(Lock& lock) RELEASE(lock) : lock_(lock) {
    lock_.Release();
  }
  ~AutoUnlock() ACQUIRE() { lock_.Acquire(); }

 private:
  Lock& lock_;
};
}  // namespace base

namespace prefs {

class JsonPrefStore {
 public:
  void SetValue(const std::string& key, const std::string& value) {
    base::AutoLock hold(lock_);
    values_[key] = value;
    dirty_ = true;
  }

  // Serializes under the lock, writes with the lock dropped.
  bool CommitPendingWrite(const std::string& path) {
    base::AutoLock hold(lock_);
    if (!dirty_) return true;
    const std::string serialized = SerializeLocked();
    dirty_ = false;
    bool ok;
    {
      base::AutoUnlock unlock(lock_);
      ok = WriteFileAtomically(path, serialized);
    }
    if (!ok) dirty_ = true;
    ++commit_count_;
    return ok;
  }

 private:
  std::string SerializeLocked() const {
    lock_.AssertAcquired();
    std::string out = "{";
    for (const auto& [k, v] : values_) out += "\"" + k + "\":\"" + v + "\",";
    return out + "}";
  }

  static bool WriteFileAtomically(const std::string& path,
                                  const std::string& data) {
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
    return std::fclose(f) == 0 && ok;
  }

  mutable base::Lock lock_;
  std::map<std::string, std::string> values_ GUARDED_BY(lock_);
  bool dirty_ GUARDED_BY(lock_) = false;
  int commit_count_ GUARDED_BY(lock_) = 0;
};

}  // namespace prefs
