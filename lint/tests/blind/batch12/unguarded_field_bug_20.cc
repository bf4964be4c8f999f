// Vibration service: a client asks for a vibration and passes a callback;
// the HAL reports completion on its own callback thread, and the service
// then tells the client how long the effect actually ran.

#include <cstdint>
#include <functional>

#include <binder/IBinder.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>
#include <utils/String8.h>
#include <utils/Timers.h>

namespace android {

class IVibrationCallback : public virtual RefBase {
 public:
  virtual void onComplete(int32_t vibrationId, int32_t elapsedMs) = 0;
};

class VibratorHal {
 public:
  virtual ~VibratorHal() = default;
  // |onComplete| is invoked on the HAL's callback thread.
  virtual status_t on(int32_t durationMs, std::function<void()> onComplete) = 0;
  virtual status_t off() = 0;
};

class VibrationService : public IBinder::DeathRecipient {
 public:
  explicit VibrationService(VibratorHal* hal) : mHal(hal) {}

  status_t vibrate(const sp<IVibrationCallback>& callback, int32_t durationMs, int32_t* outId) {
    Mutex::Autolock _l(mLock);
    if (mCurrentCallback != nullptr) mHal->off();
    const int32_t id = ++mNextId;
    mCurrentId = id;
    mCurrentCallback = callback;
    mStartTime = systemTime();
    *outId = id;
    return mHal->on(durationMs, [this, id] { onHalComplete(id); });
  }

  status_t cancel(int32_t id) {
    Mutex::Autolock _l(mLock);
    if (id != mCurrentId) return NAME_NOT_FOUND;
    mCurrentCallback.clear();
    mStartTime = 0;
    return mHal->off();
  }

  // IBinder::DeathRecipient: the client went away.
  void binderDied(const wp<IBinder>& /*who*/) override {
    Mutex::Autolock _l(mLock);
    mCurrentCallback.clear();
  }

  void dump(String8& result) {
    Mutex::Autolock _l(mLock);
    result.appendFormat("vibration %d, running for %d ms\n", mCurrentId,
                        mCurrentCallback != nullptr ? elapsedLocked() : 0);
  }

 private:
  // HAL callback thread.
  void onHalComplete(int32_t id) {
    sp<IVibrationCallback> callback;
    {
      Mutex::Autolock _l(mLock);
      if (id != mCurrentId) return;
      callback = mCurrentCallback;
      mCurrentCallback.clear();
    }
    if (callback != nullptr) callback->onComplete(id, elapsedLocked());
  }

  // mLock must be held.
  int32_t elapsedLocked() const {
    return static_cast<int32_t>(ns2ms(systemTime() - mStartTime));  // EXPECT: concurrency-unguarded-field
  }

  VibratorHal* const mHal;
  Mutex mLock;
  sp<IVibrationCallback> mCurrentCallback;
  int32_t mCurrentId = 0;
  int32_t mNextId = 0;
  nsecs_t mStartTime = 0;
};

}  // namespace android
