// Storage quota tracker for the IndexedDB backend: origins reserve space
// before writing and release it when the transaction finishes.
#include <cstdint>
#include <map>
#include <string>

#include "mozilla_mutex.h"

namespace mozilla {
namespace dom {
namespace quota {

enum class PersistenceType { Persistent, Temporary, Default };

struct OriginUsage {
  uint64_t mUsage = 0;
  uint64_t mLimit = 0;
  PersistenceType mType = PersistenceType::Default;
};

class QuotaTracker {
 public:
  QuotaTracker() : mMutex("QuotaTracker::mMutex") {}

  void InitOrigin(const std::string& aOrigin, uint64_t aLimit, PersistenceType aType) {
    MutexAutoLock lock(mMutex);
    OriginUsage& usage = mOrigins[aOrigin];
    usage.mLimit = aLimit;
    usage.mType = aType;
  }

  // Returns false if the reservation would exceed the origin's limit.
  bool Reserve(const std::string& aOrigin, uint64_t aBytes) {
    mMutex.Lock();
    auto it = mOrigins.find(aOrigin);
    if (it == mOrigins.end()) {
      mMutex.Unlock();
      return false;
    }
    OriginUsage& usage = it->second;
    if (usage.mType != PersistenceType::Persistent &&
        usage.mUsage + aBytes > usage.mLimit) {
      NS_WARNING("quota exceeded");
      return false;
    }
    usage.mUsage += aBytes;
    mTotalReserved += aBytes;
    mMutex.Unlock();
    return true;
  }  // EXPECT: concurrency-lock-balance

  void Release(const std::string& aOrigin, uint64_t aBytes) {
    MutexAutoLock lock(mMutex);
    auto it = mOrigins.find(aOrigin);
    if (it == mOrigins.end()) {
      return;
    }
    it->second.mUsage = it->second.mUsage > aBytes ? it->second.mUsage - aBytes : 0;
    mTotalReserved = mTotalReserved > aBytes ? mTotalReserved - aBytes : 0;
  }

  uint64_t TotalReserved() {
    MutexAutoLock lock(mMutex);
    return mTotalReserved;
  }

 private:
  Mutex mMutex;
  std::map<std::string, OriginUsage> mOrigins MOZ_GUARDED_BY(mMutex);
  uint64_t mTotalReserved MOZ_GUARDED_BY(mMutex) = 0;
};

class TransactionQuotaScope {
 public:
  TransactionQuotaScope(QuotaTracker& aTracker, std::string aOrigin, uint64_t aBytes)
      : mTracker(aTracker), mOrigin(std::move(aOrigin)), mBytes(aBytes),
        mReserved(aTracker.Reserve(mOrigin, aBytes)) {}

  ~TransactionQuotaScope() {
    if (mReserved) {
      mTracker.Release(mOrigin, mBytes);
    }
  }

  bool Ok() const { return mReserved; }

 private:
  QuotaTracker& mTracker;
  std::string mOrigin;
  uint64_t mBytes;
  bool mReserved;
};

}  // namespace quota
}  // namespace dom
}  // namespace mozilla
