// Sound trigger service module. Recognition callbacks arrive on the HAL's
// callback thread and are forwarded to the client over binder; the module
// lock is dropped around the binder call (the client may call back into the
// module) and taken again before the module state is touched.

#include <cstdint>
#include <vector>

#include <android-base/thread_annotations.h>
#include <binder/IBinder.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>
#include <utils/String8.h>

namespace android {

struct RecognitionEvent {
  int32_t modelHandle = 0;
  int32_t status = 0;
  std::vector<uint8_t> data;
};

class ISoundTriggerClient : public virtual RefBase {
 public:
  virtual void onRecognitionEvent(const RecognitionEvent& event) = 0;
};

class SoundTriggerModule {
 public:
  explicit SoundTriggerModule(const sp<ISoundTriggerClient>& client) : mClient(client) {}

  // HAL callback thread.
  void onCallbackEvent(const RecognitionEvent& event) {
    Mutex::Autolock _l(mLock);
    if (!mRecognitionActive || event.modelHandle != mModelHandle) return;
    mEventsDelivered++;
    const sp<ISoundTriggerClient> client = mClient;

    mLock.unlock();
    client->onRecognitionEvent(event);
    mLock.lock();

    // One-shot models must be restarted by the client.
    mRecognitionActive = false;
  }

  status_t startRecognition(int32_t modelHandle) {
    Mutex::Autolock _l(mLock);
    if (mRecognitionActive) return INVALID_OPERATION;
    mModelHandle = modelHandle;
    mRecognitionActive = true;
    return OK;
  }

  status_t stopRecognition() {
    Mutex::Autolock _l(mLock);
    mRecognitionActive = false;
    return OK;
  }

  // dumpsys: never wait for the lock. tryLock() returns 0 once it holds it.
  void dump(String8& out) {
    if (mLock.tryLock() == 0) {
      out.appendFormat("model %d active %d events %u\n", mModelHandle, mRecognitionActive ? 1 : 0,
                       mEventsDelivered);
      mLock.unlock();
    } else {
      out.append("module busy\n");
    }
  }

  status_t setClient(const sp<ISoundTriggerClient>& client) {
    status_t res = mLock.tryLock();
    if (res != 0) return WOULD_BLOCK;
    mClient = client;
    mLock.unlock();
    return OK;
  }

 private:
  Mutex mLock;
  sp<ISoundTriggerClient> mClient GUARDED_BY(mLock);
  int32_t mModelHandle GUARDED_BY(mLock) = 0;
  bool mRecognitionActive GUARDED_BY(mLock) = false;
  uint32_t mEventsDelivered GUARDED_BY(mLock) = 0;
};

}  // namespace android
