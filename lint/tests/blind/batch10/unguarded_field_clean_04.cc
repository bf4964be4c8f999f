// Image decode pool bookkeeping: decoder threads report finished frames and
// observers are called back without the lock so that they may call in again.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "mozilla_mutex.h"

namespace mozilla {
namespace image {

enum class DecodeResult { Complete, Partial, Error };

struct FrameInfo {
  uint32_t mIndex = 0;
  int32_t mWidth = 0;
  int32_t mHeight = 0;
};

class DecodeObserver {
 public:
  virtual ~DecodeObserver() = default;
  virtual void FrameReady(const FrameInfo& aFrame) = 0;
};

class DecodeTracker {
 public:
  explicit DecodeTracker(DecodeObserver* aObserver)
      : mMutex("DecodeTracker::mMutex"), mObserver(aObserver) {}

  void OnFrameDecoded(const FrameInfo& aFrame, DecodeResult aResult) {
    MutexAutoLock lock(mMutex);
    RecordLocked(aFrame, aResult);
    const FrameInfo copy = aFrame;
    const bool notify = aResult != DecodeResult::Error && !mSuppressNotifications;
    if (notify) {
      // Observers may call FramesDecoded(); the lock must be dropped.
      MutexAutoUnlock unlock(mMutex);
      mObserver->FrameReady(copy);
    }
    ++mNotifyRounds;
  }

  uint32_t FramesDecoded() {
    MutexAutoLock lock(mMutex);
    return mFramesDecoded;
  }

  void SuppressNotifications(bool aSuppress) {
    MutexAutoLock lock(mMutex);
    mSuppressNotifications = aSuppress;
  }

  std::vector<uint32_t> FailedFrames() {
    MutexAutoLock lock(mMutex);
    return mFailed;
  }

  uint64_t NotifyRounds() {
    MutexAutoLock lock(mMutex);
    return mNotifyRounds;
  }

 private:
  void RecordLocked(const FrameInfo& aFrame, DecodeResult aResult)
      MOZ_REQUIRES(mMutex) {
    mMutex.AssertCurrentThreadOwns();
    if (aResult == DecodeResult::Error) {
      mFailed.push_back(aFrame.mIndex);
      return;
    }
    ++mFramesDecoded;
  }

  Mutex mMutex;
  DecodeObserver* const mObserver;
  uint32_t mFramesDecoded MOZ_GUARDED_BY(mMutex) = 0;
  uint64_t mNotifyRounds MOZ_GUARDED_BY(mMutex) = 0;
  bool mSuppressNotifications MOZ_GUARDED_BY(mMutex) = false;
  std::vector<uint32_t> mFailed MOZ_GUARDED_BY(mMutex);
};

class FrameCounter : public DecodeObserver {
 public:
  void FrameReady(const FrameInfo& aFrame) override {
    // Called from any decoder thread at once: keep the totals atomic.
    mLastIndex.store(aFrame.mIndex, std::memory_order_relaxed);
    mPixels.fetch_add(static_cast<uint64_t>(aFrame.mWidth) * aFrame.mHeight,
                      std::memory_order_relaxed);
  }

  uint64_t Pixels() const { return mPixels.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint32_t> mLastIndex{0};
  std::atomic<uint64_t> mPixels{0};
};

}  // namespace image
}  // namespace mozilla
