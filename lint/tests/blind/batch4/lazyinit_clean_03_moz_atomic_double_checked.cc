// Shared font-name cache, created on first use. The fast path is a single
// acquire load; creation happens under the mutex.

#include <atomic>
#include <map>
#include <string>

#include "mock/moz_mutex.h"

namespace mozilla {
namespace gfx {

class FontNameCache {
 public:
  void Put(const std::string& aKey, const std::string& aName) {
    MutexAutoLock lock(mMutex);
    mNames[aKey] = aName;
  }
  bool Get(const std::string& aKey, std::string& aName) {
    MutexAutoLock lock(mMutex);
    auto it = mNames.find(aKey);
    if (it == mNames.end()) return false;
    aName = it->second;
    return true;
  }

 private:
  Mutex mMutex{"FontNameCache::mMutex"};
  std::map<std::string, std::string> mNames MOZ_GUARDED_BY(mMutex);
};

class FontList {
 public:
  FontList() : mCreateMutex("FontList::mCreateMutex") {}
  ~FontList() { delete mCache.load(std::memory_order_acquire); }

  FontNameCache* Cache() {
    FontNameCache* cache = mCache.load(std::memory_order_acquire);
    if (!cache) {
      MutexAutoLock lock(mCreateMutex);
      cache = mCache.load(std::memory_order_relaxed);
      if (!cache) {
        cache = new FontNameCache();
        mCache.store(cache, std::memory_order_release);
      }
    }
    return cache;
  }

 private:
  Mutex mCreateMutex;
  std::atomic<FontNameCache*> mCache{nullptr};
};

}  // namespace gfx
}  // namespace mozilla
