// A cut-down AudioFlinger: the service lock protects the service's state,
// the hardware lock serializes calls into the audio HAL devices. The service
// lock is always taken first; HAL calls made while holding the service lock
// take the hardware lock inside it.

#include <cstddef>
#include <cstdint>
#include <vector>

#include <android-base/thread_annotations.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>

namespace android {

typedef int32_t audio_mode_t;

class AudioHwDevice : public virtual RefBase {
 public:
  virtual status_t setMasterVolume(float volume) = 0;
  virtual status_t setMode(audio_mode_t mode) = 0;
  virtual bool supportsMasterVolume() const = 0;
};

class PlaybackThreadHandle : public virtual RefBase {
 public:
  virtual void setMasterVolume(float volume) = 0;
  virtual void onModeChanged(audio_mode_t mode) = 0;
};

class AudioFlingerLite {
 public:
  status_t setMasterVolume(float value) {
    Mutex::Autolock _l(mLock);
    mMasterVolume = value;
    {
      AutoMutex lock(mHardwareLock);
      for (const auto& dev : mAudioHwDevs) {
        if (dev->supportsMasterVolume()) dev->setMasterVolume(value);
      }
    }
    for (const auto& thread : mPlaybackThreads) thread->setMasterVolume(value);
    return NO_ERROR;
  }

  status_t setMode(audio_mode_t mode) {
    AutoMutex lock(mHardwareLock);
    status_t ret = NO_ERROR;
    for (const auto& dev : mAudioHwDevs) {
      ret = dev->setMode(mode);
      if (ret != NO_ERROR) break;
    }
    if (ret == NO_ERROR) {
      Mutex::Autolock _l(mLock);  // EXPECT: concurrency-lock-balance
      mMode = mode;
      for (const auto& thread : mPlaybackThreads) thread->onModeChanged(mode);
    }
    return ret;
  }

  void registerDevice(const sp<AudioHwDevice>& dev) {
    Mutex::Autolock _l(mLock);
    AutoMutex lock(mHardwareLock);
    mAudioHwDevs.push_back(dev);
  }

  void registerThread(const sp<PlaybackThreadHandle>& thread) {
    Mutex::Autolock _l(mLock);
    mPlaybackThreads.push_back(thread);
  }

  audio_mode_t getMode() {
    Mutex::Autolock _l(mLock);
    return mMode;
  }

 private:
  Mutex mLock ACQUIRED_BEFORE(mHardwareLock);
  Mutex mHardwareLock;

  float mMasterVolume GUARDED_BY(mLock) = 1.0f;
  audio_mode_t mMode GUARDED_BY(mLock) = 0;
  std::vector<sp<PlaybackThreadHandle>> mPlaybackThreads GUARDED_BY(mLock);
  std::vector<sp<AudioHwDevice>> mAudioHwDevs GUARDED_BY(mHardwareLock);
};

}  // namespace android
