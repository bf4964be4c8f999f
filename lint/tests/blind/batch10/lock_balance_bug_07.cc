// Cookie jar persistence for the network service: cookies are kept in memory
// and flushed to the database by the persistence thread. Eviction may flush.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mozilla_mutex.h"

namespace mozilla {
namespace net {

enum class SameSitePolicy { None, Lax, Strict };

struct Cookie {
  std::string mName;
  std::string mValue;
  std::string mHost;
  int64_t mExpiry = 0;
  SameSitePolicy mSameSite = SameSitePolicy::Lax;
};

class CookieStorage {
 public:
  CookieStorage() : mMutex("CookieStorage::mMutex") {}

  void Add(const Cookie& aCookie) {
    MutexAutoLock lock(mMutex);
    mCookies[aCookie.mHost + "/" + aCookie.mName] = aCookie;
    mDirty.push_back(aCookie.mHost + "/" + aCookie.mName);
    if (mCookies.size() > kMaxCookies) {
      EvictOldestLocked();
      // Record the eviction for telemetry.
      MutexAutoLock statsLock(mMutex);  // EXPECT: concurrency-lock-balance
      mEvictionBursts.push_back(mEvictions);
    }
  }

  // Persistence thread.
  std::vector<Cookie> TakeDirty() {
    MutexAutoLock lock(mMutex);
    std::vector<Cookie> out;
    for (const std::string& key : mDirty) {
      auto it = mCookies.find(key);
      if (it != mCookies.end()) {
        out.push_back(it->second);
      }
    }
    mDirty.clear();
    return out;
  }

  size_t Count() {
    MutexAutoLock lock(mMutex);
    return mCookies.size();
  }

 private:
  static constexpr size_t kMaxCookies = 3000;

  void EvictOldestLocked() MOZ_REQUIRES(mMutex) {
    auto oldest = mCookies.begin();
    for (auto it = mCookies.begin(); it != mCookies.end(); ++it) {
      if (it->second.mExpiry < oldest->second.mExpiry) {
        oldest = it;
      }
    }
    if (oldest != mCookies.end()) {
      mCookies.erase(oldest);
      ++mEvictions;
    }
  }

  Mutex mMutex;
  std::map<std::string, Cookie> mCookies MOZ_GUARDED_BY(mMutex);
  std::vector<std::string> mDirty MOZ_GUARDED_BY(mMutex);
  uint64_t mEvictions MOZ_GUARDED_BY(mMutex) = 0;
  std::vector<uint64_t> mEvictionBursts MOZ_GUARDED_BY(mMutex);
};

class CookiePersistenceTask {
 public:
  explicit CookiePersistenceTask(CookieStorage& aStorage) : mStorage(aStorage) {}

  nsresult Run() {
    std::vector<Cookie> dirty = mStorage.TakeDirty();
    if (dirty.empty()) {
      return NS_OK;
    }
    for (const Cookie& c : dirty) {
      if (c.mHost.empty()) {
        NS_WARNING("cookie without host");
        return NS_ERROR_FAILURE;
      }
    }
    mWritten += dirty.size();
    return NS_OK;
  }

 private:
  CookieStorage& mStorage;
  size_t mWritten = 0;
};

}  // namespace net
}  // namespace mozilla
