// Observer list for network link changes. Observers are notified without
// the lock held so they can call back into the service.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "mock/moz_mutex.h"

namespace mozilla {
namespace net {

class LinkObserver {
 public:
  virtual ~LinkObserver() = default;
  virtual void OnLinkChanged(bool aUp, const std::string& aInterface) = 0;
};

class LinkService {
 public:
  LinkService() : mMutex("LinkService::mMutex") {}

  void AddObserver(LinkObserver* aObserver) {
    MutexAutoLock lock(mMutex);
    mObservers.push_back(aObserver);
  }

  void RemoveObserver(LinkObserver* aObserver) {
    MutexAutoLock lock(mMutex);
    mObservers.erase(
        std::remove(mObservers.begin(), mObservers.end(), aObserver),
        mObservers.end());
  }

  void OnLinkEvent(bool aUp, const std::string& aInterface) {
    MutexAutoLock lock(mMutex);
    if (!UpdateLinkStateLocked(aUp, aInterface, lock)) {
      return;
    }
    std::vector<LinkObserver*> observers(mObservers);
    const std::string iface = mInterface;
    const bool up = mLinkUp;
    {
      MutexAutoUnlock unlock(mMutex);
      for (LinkObserver* observer : observers) {
        observer->OnLinkChanged(up, iface);
      }
    }
    ++mNotifications;
  }

  bool IsLinkUp() {
    MutexAutoLock lock(mMutex);
    return mLinkUp;
  }

  uint32_t Notifications() {
    MutexAutoLock lock(mMutex);
    return mNotifications;
  }

 private:
  bool UpdateLinkStateLocked(bool aUp, const std::string& aInterface,
                             const MutexAutoLock& aProofOfLock) {
    if (mLinkUp == aUp && mInterface == aInterface) {
      return false;
    }
    mLinkUp = aUp;
    mInterface = aInterface;
    return true;
  }

  Mutex mMutex;
  std::vector<LinkObserver*> mObservers MOZ_GUARDED_BY(mMutex);
  bool mLinkUp MOZ_GUARDED_BY(mMutex) = false;
  std::string mInterface MOZ_GUARDED_BY(mMutex);
  uint32_t mNotifications MOZ_GUARDED_BY(mMutex) = 0;
};

}  // namespace net
}  // namespace mozilla
