// Observer list for the preferences service: observers are notified with the
// mutex dropped (MutexAutoUnlock) so that they can read preferences back.
#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mozilla_mutex.h"

namespace mozilla {

enum class PrefType { Bool, Int, String };

struct PrefValue {
  PrefType mType = PrefType::Bool;
  int64_t mInt = 0;
  std::string mString;
};

class PrefObserver {
 public:
  virtual ~PrefObserver() = default;
  virtual void OnPrefChanged(const std::string& aName) = 0;
};

class PrefService {
 public:
  PrefService() : mMutex("PrefService::mMutex") {}

  void AddObserver(PrefObserver* aObserver) {
    MutexAutoLock lock(mMutex);
    mObservers.push_back(aObserver);
  }

  nsresult SetInt(const std::string& aName, int64_t aValue) {
    MutexAutoLock lock(mMutex);
    PrefValue& v = mPrefs[aName];
    if (v.mType != PrefType::Int && v.mType != PrefType::Bool) {
      return NS_ERROR_FAILURE;
    }
    v.mType = PrefType::Int;
    v.mInt = aValue;
    ++mGeneration;
    NotifyLocked(aName);
    return NS_OK;
  }

  int64_t GetInt(const std::string& aName, int64_t aDefault) {
    MutexAutoLock lock(mMutex);
    auto it = mPrefs.find(aName);
    return it == mPrefs.end() ? aDefault : it->second.mInt;
  }

  uint64_t Generation() {
    MutexAutoLock lock(mMutex);
    return mGeneration;
  }

 private:
  // Called with mMutex held; drops it around each observer call and takes it
  // again before touching the list.
  void NotifyLocked(const std::string& aName) MOZ_REQUIRES(mMutex) {
    std::vector<PrefObserver*> observers = mObservers;
    for (PrefObserver* obs : observers) {
      MutexAutoUnlock unlock(mMutex);
      obs->OnPrefChanged(aName);
    }
    ++mNotifications;
  }

  Mutex mMutex;
  std::map<std::string, PrefValue> mPrefs MOZ_GUARDED_BY(mMutex);
  std::vector<PrefObserver*> mObservers MOZ_GUARDED_BY(mMutex);
  uint64_t mGeneration MOZ_GUARDED_BY(mMutex) = 0;
  uint64_t mNotifications MOZ_GUARDED_BY(mMutex) = 0;
};

class CacheSizeObserver : public PrefObserver {
 public:
  explicit CacheSizeObserver(PrefService& aPrefs) : mPrefs(aPrefs) {}
  void OnPrefChanged(const std::string& aName) override {
    if (aName == "browser.cache.disk.capacity") {
      mCapacity.store(mPrefs.GetInt(aName, 256000), std::memory_order_relaxed);
    }
  }

 private:
  PrefService& mPrefs;
  std::atomic<int64_t> mCapacity{0};  // observers run on the setter's thread
};

}  // namespace mozilla
