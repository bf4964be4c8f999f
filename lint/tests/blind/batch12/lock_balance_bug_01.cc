// Output stream of a primary audio HAL. The mixer thread writes PCM; the
// audio server puts the stream in standby from a binder thread. The stream
// lock serializes both against the PCM device.

#include <cstddef>
#include <cstdint>
#include <sys/types.h>

#include <android-base/thread_annotations.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/Timers.h>

namespace android {

struct PcmDevice;
PcmDevice* pcm_open_output(unsigned card, unsigned device, uint32_t rate, uint32_t channels);
int pcm_write_frames(PcmDevice* pcm, const void* data, size_t bytes);
void pcm_close_device(PcmDevice* pcm);

class StreamOut {
 public:
  StreamOut(unsigned card, unsigned device, uint32_t rate)
      : mCard(card), mDevice(device), mSampleRate(rate) {}

  ssize_t write(const void* buffer, size_t bytes) {
    mLock.lock();
    if (mStandby) {
      mPcm = pcm_open_output(mCard, mDevice, mSampleRate, 2);
      if (mPcm == nullptr) {
        mErrorCount++;
        return NO_INIT;
      }
      mStandby = false;
    }
    const int ret = pcm_write_frames(mPcm, buffer, bytes);
    if (ret == 0) mFramesWritten += bytes / 4;
    mLock.unlock();
    return ret == 0 ? static_cast<ssize_t>(bytes) : ret;
  }  // EXPECT: concurrency-lock-balance

  status_t standby() {
    Mutex::Autolock _l(mLock);
    if (!mStandby) {
      pcm_close_device(mPcm);
      mPcm = nullptr;
      mStandby = true;
    }
    return OK;
  }

  status_t getPresentationPosition(uint64_t* frames) {
    Mutex::Autolock _l(mLock);
    *frames = mFramesWritten;
    return OK;
  }

  uint32_t errorCount() {
    Mutex::Autolock _l(mLock);
    return mErrorCount;
  }

 private:
  const unsigned mCard;
  const unsigned mDevice;
  const uint32_t mSampleRate;

  Mutex mLock;
  PcmDevice* mPcm = nullptr;
  bool mStandby = true;
  uint64_t mFramesWritten = 0;
  uint32_t mErrorCount = 0;
};

}  // namespace android
