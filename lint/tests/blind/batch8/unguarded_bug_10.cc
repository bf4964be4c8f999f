/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Audio callback clock. The real-time audio thread must never block, so it
 * only try-locks the state the main thread updates. */

#include "mozilla/Mutex.h"

#include <cstdint>

namespace mozilla {

class AudioClock final {
 public:
  explicit AudioClock(uint32_t aRate)
      : mMutex("AudioClock::mMutex"), mRate(aRate) {}

  // Main thread.
  void SetPlaybackRate(double aRate) {
    MutexAutoLock lock(mMutex);
    mPlaybackRate = aRate;
    mCachedRateFrames = int64_t(mRate * aRate);
  }

  // Main thread.
  void Seek(int64_t aFrames) {
    MutexAutoLock lock(mMutex);
    mBaseFrames = aFrames;
    mFramesSinceSeek = 0;
  }

  // Audio thread: called once per callback with the frames just rendered.
  int64_t Advance(uint32_t aFrames) {
    if (!mMutex.TryLock()) {
      // Contended: extrapolate from what we knew last time rather than block
      // the real-time thread.
      const int64_t base = mBaseFrames;  // EXPECT: concurrency-unguarded-field
      return base + mFramesSinceSeek + aFrames;  // EXPECT: concurrency-unguarded-field
    }
    mFramesSinceSeek += aFrames;
    int64_t position = mBaseFrames + mFramesSinceSeek;
    mMutex.Unlock();
    return position;
  }

  // Main thread.
  double PlaybackRate() {
    MutexAutoLock lock(mMutex);
    return mPlaybackRate;
  }

  int64_t FramesPerSecondAtRate() {
    MutexAutoLock lock(mMutex);
    return mCachedRateFrames;
  }

 private:
  Mutex mMutex;
  const uint32_t mRate;
  double mPlaybackRate MOZ_GUARDED_BY(mMutex) = 1.0;
  int64_t mCachedRateFrames MOZ_GUARDED_BY(mMutex) = 0;
  int64_t mBaseFrames MOZ_GUARDED_BY(mMutex) = 0;
  int64_t mFramesSinceSeek MOZ_GUARDED_BY(mMutex) = 0;
};

}  // namespace mozilla

int64_t RenderQuantum(mozilla::AudioClock& aClock) {
  return aClock.Advance(128);
}
