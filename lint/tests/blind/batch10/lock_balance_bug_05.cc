// Timer wheel for the socket transport service: expired timers are fired in
// batches; the mutex is dropped around each callback.
#include <cstdint>
#include <functional>
#include <vector>

#include "mozilla_mutex.h"

namespace mozilla {
namespace net {

enum class TimerKind { OneShot, Repeating, RepeatingPrecise };

struct TimerEntry {
  uint64_t mId = 0;
  int64_t mDeadlineMs = 0;
  int64_t mPeriodMs = 0;
  TimerKind mKind = TimerKind::OneShot;
  bool mCancelled = false;
  std::function<void()> mCallback;
};

class TimerWheel {
 public:
  TimerWheel() : mMutex("TimerWheel::mMutex") {}

  uint64_t Add(int64_t aDeadlineMs, int64_t aPeriodMs, TimerKind aKind,
               std::function<void()> aCallback) {
    MutexAutoLock lock(mMutex);
    TimerEntry e;
    e.mId = ++mNextId;
    e.mDeadlineMs = aDeadlineMs;
    e.mPeriodMs = aPeriodMs;
    e.mKind = aKind;
    e.mCallback = std::move(aCallback);
    mTimers.push_back(std::move(e));
    return mNextId;
  }

  void Cancel(uint64_t aId) {
    MutexAutoLock lock(mMutex);
    for (TimerEntry& e : mTimers) {
      if (e.mId == aId) e.mCancelled = true;
    }
  }

  // Socket thread: fire everything due at aNowMs.
  uint32_t FireExpired(int64_t aNowMs) {
    uint32_t fired = 0;
    size_t i = 0;
    while (true) {
      mMutex.Lock();
      if (i >= mTimers.size()) {
        mMutex.Unlock();
        break;
      }
      TimerEntry& e = mTimers[i++];
      if (e.mCancelled || e.mDeadlineMs > aNowMs) {
        continue;
      }
      std::function<void()> cb = e.mCallback;
      if (e.mKind == TimerKind::OneShot) {
        e.mCancelled = true;
      } else {
        e.mDeadlineMs += e.mPeriodMs;
      }
      mMutex.Unlock();
      cb();
      ++fired;
    }  // EXPECT: concurrency-lock-balance
    return fired;
  }

  size_t Pending() {
    MutexAutoLock lock(mMutex);
    size_t n = 0;
    for (const TimerEntry& e : mTimers) {
      if (!e.mCancelled) ++n;
    }
    return n;
  }

 private:
  Mutex mMutex;
  std::vector<TimerEntry> mTimers MOZ_GUARDED_BY(mMutex);
  uint64_t mNextId MOZ_GUARDED_BY(mMutex) = 0;
};

}  // namespace net
}  // namespace mozilla
