// AOSP-style audio track metrics: the mixer thread logs underruns and
// frames, binder threads dump them, and a re-created track inherits the
// metrics of the one it replaces after an output device change.
#include <stdint.h>

#include <string>

#include "mock/android_mutex.h"

namespace android {

class TrackMetrics {
 public:
  // Mixer thread.
  void logUnderrun(size_t frames) {
    AutoMutex _l(mLock);
    ++mUnderrunCount;
    mUnderrunFrames += frames;
  }

  // Mixer thread.
  void logFramesWritten(int64_t frames) {
    AutoMutex _l(mLock);
    mFramesWritten += frames;
  }

  // Binder thread: the new track takes over the old track's history.
  void mergeFrom(const TrackMetrics& other) {
    AutoMutex _l(mLock);
    mUnderrunCount += other.mUnderrunCount;  // EXPECT: concurrency-unguarded-field
    mUnderrunFrames += other.mUnderrunFrames;  // EXPECT: concurrency-unguarded-field
  }

  // dumpsys media.audio_flinger
  std::string dump() const {
    AutoMutex _l(mLock);
    return "underruns=" + std::to_string(mUnderrunCount) +
           " underrunFrames=" + std::to_string(mUnderrunFrames) +
           " framesWritten=" + std::to_string(mFramesWritten);
  }

  // Polled by the AudioPolicy client to decide whether to raise the buffer
  // size.
  int32_t underrunCount() const {
    return mUnderrunCount;  // EXPECT: concurrency-unguarded-field
  }

  status_t reset() {
    AutoMutex _l(mLock);
    mUnderrunCount = 0;
    mUnderrunFrames = 0;
    mFramesWritten = 0;
    return NO_ERROR;
  }

 private:
  mutable Mutex mLock;
  int32_t mUnderrunCount = 0;
  size_t mUnderrunFrames = 0;
  int64_t mFramesWritten = 0;
};

}  // namespace android
