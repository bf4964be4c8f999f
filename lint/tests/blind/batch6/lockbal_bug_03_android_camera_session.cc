// AOSP-style camera device session: configureStreams() takes mLock by hand
// and returns early on a bad configuration without unlocking, so the next
// binder call on this session deadlocks.
#include <stdint.h>

#include <vector>

#include "mock/android_mutex.h"

namespace android {

struct Stream {
  int32_t id;
  uint32_t width;
  uint32_t height;
  int32_t format;
};

class CameraDeviceSession {
 public:
  status_t configureStreams(const std::vector<Stream>& streams) {
    mLock.lock();
    if (mClosed) {
      mLock.unlock();
      return NO_INIT;
    }
    for (const Stream& s : streams) {
      if (s.width == 0 || s.height == 0) {
        ALOGE_BAD_STREAM(s.id);
        return BAD_VALUE;
      }
    }
    mStreams = streams;
    mConfigured = true;
    mLock.unlock();
    return OK;
  }  // EXPECT: concurrency-lock-balance

  status_t close() {
    AutoMutex _l(mLock);
    if (mClosed) return INVALID_OPERATION;
    mClosed = true;
    mStreams.clear();
    return OK;
  }

  size_t streamCount() {
    AutoMutex _l(mLock);
    return mStreams.size();
  }

 private:
  static void ALOGE_BAD_STREAM(int32_t id) { (void)id; }

  Mutex mLock;
  bool mClosed GUARDED_BY(mLock) = false;
  bool mConfigured GUARDED_BY(mLock) = false;
  std::vector<Stream> mStreams GUARDED_BY(mLock);
};

}  // namespace android
