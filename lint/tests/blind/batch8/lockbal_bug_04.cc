/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Preferences observer list. Observers are notified with the lock released,
 * since they may read other preferences. */

#include "mozilla/Mutex.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace mozilla {

class PrefObserverList final {
 public:
  using Observer = std::function<void(const std::string&)>;

  PrefObserverList() : mMutex("PrefObserverList::mMutex") {}

  void AddObserver(const std::string& aPref, Observer aObserver) {
    MutexAutoLock lock(mMutex);
    mObservers[aPref].push_back(std::move(aObserver));
  }

  void SetPref(const std::string& aPref, const std::string& aValue) {
    MutexAutoLock lock(mMutex);
    std::string& slot = mValues[aPref];
    if (slot == aValue) {
      return;
    }
    slot = aValue;
    NotifyObservers(aPref);  // EXPECT: concurrency-lock-balance
  }

  std::string GetPref(const std::string& aPref) {
    MutexAutoLock lock(mMutex);
    auto it = mValues.find(aPref);
    return it == mValues.end() ? std::string() : it->second;
  }

 private:
  void NotifyObservers(const std::string& aPref) MOZ_EXCLUDES(mMutex) {
    std::vector<Observer> observers;
    {
      MutexAutoLock lock(mMutex);
      auto it = mObservers.find(aPref);
      if (it == mObservers.end()) {
        return;
      }
      observers = it->second;
    }
    for (auto& observer : observers) {
      observer(aPref);
    }
  }

  Mutex mMutex;
  std::map<std::string, std::string> mValues MOZ_GUARDED_BY(mMutex);
  std::map<std::string, std::vector<Observer>> mObservers MOZ_GUARDED_BY(mMutex);
};

}  // namespace mozilla
