/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Throttles the timers of background tabs. The timer thread fires timers; the
 * main thread changes a tab's visibility. */

#include "mozilla/Mutex.h"

#include <cstdint>
#include <map>

namespace mozilla {

class TimerThrottler final {
 public:
  TimerThrottler() : mMutex("TimerThrottler::mMutex") {}

  // Main thread.
  void SetTabVisible(uint64_t aTabId, bool aVisible) {
    MutexAutoLock lock(mMutex);
    TabState& state = mTabs[aTabId];
    state.mVisible = aVisible;
    if (aVisible) {
      ResetBudget(state);
    }
  }

  // Timer thread: returns the delay to apply to a timer of this tab.
  uint32_t DelayFor(uint64_t aTabId, uint32_t aRequestedMs) {
    MutexAutoLock lock(mMutex);
    auto it = mTabs.find(aTabId);
    if (it == mTabs.end() || it->second.mVisible) {
      return aRequestedMs;
    }
    return ChargeBudget(it->second, aRequestedMs);
  }

  void TabClosed(uint64_t aTabId) {
    MutexAutoLock lock(mMutex);
    mTabs.erase(aTabId);
  }

 private:
  struct TabState {
    bool mVisible = true;
    int64_t mBudgetMs = 0;
  };

  void ResetBudget(TabState& aState) {
    mMutex.AssertCurrentThreadOwns();
    aState.mBudgetMs = mInitialBudgetMs;
    ++mResets;
  }

  uint32_t ChargeBudget(TabState& aState, uint32_t aRequestedMs)
      MOZ_REQUIRES(mMutex) {
    aState.mBudgetMs -= aRequestedMs;
    if (aState.mBudgetMs >= 0) {
      return aRequestedMs;
    }
    ++mThrottled;
    return aRequestedMs < kMinBackgroundDelayMs ? kMinBackgroundDelayMs
                                                : aRequestedMs;
  }

  static constexpr uint32_t kMinBackgroundDelayMs = 1000;

  Mutex mMutex;
  std::map<uint64_t, TabState> mTabs MOZ_GUARDED_BY(mMutex);
  const int64_t mInitialBudgetMs = 50;
  uint64_t mResets MOZ_GUARDED_BY(mMutex) = 0;
  uint64_t mThrottled MOZ_GUARDED_BY(mMutex) = 0;
};

}  // namespace mozilla

uint32_t ThrottledDelay(mozilla::TimerThrottler& aThrottler, uint64_t aTab) {
  return aThrottler.DelayFor(aTab, 4);
}
