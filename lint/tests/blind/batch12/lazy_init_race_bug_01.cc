// Client-side access to the audio policy service. Every AudioTrack and
// AudioRecord in the process asks for the service proxy, from whatever
// thread creates it; the proxy is created on first use and dropped again
// when the service process dies.

#include <cstdint>

#include <binder/IBinder.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>
#include <utils/String8.h>

namespace android {

class AudioPolicyServiceProxy : public virtual RefBase {
 public:
  explicit AudioPolicyServiceProxy(const sp<IBinder>& binder) : mBinder(binder) {}
  status_t getOutputForAttr(int32_t usage, int32_t* output);
  status_t startOutput(int32_t portId);
  const sp<IBinder>& binder() const { return mBinder; }

 private:
  const sp<IBinder> mBinder;
};

class AudioSystemClient {
 public:
  static AudioPolicyServiceProxy* getPolicyService() {
    if (gPolicyService == nullptr) {  // EXPECT: concurrency-lazy-init-race
      Mutex::Autolock _l(gLock);
      if (gPolicyService == nullptr) {
        sp<IBinder> binder = defaultServiceManagerGetService(String8("media.audio_policy"));
        if (binder == nullptr) return nullptr;
        gPolicyService = new AudioPolicyServiceProxy(binder);
        gPolicyService->incStrong(&gPolicyService);
        binder->linkToDeath(gDeathNotifier);
      }
    }
    return gPolicyService;
  }

  static status_t getOutputForUsage(int32_t usage, int32_t* output) {
    AudioPolicyServiceProxy* aps = getPolicyService();
    if (aps == nullptr) return NO_INIT;
    return aps->getOutputForAttr(usage, output);
  }

 private:
  class DeathNotifier : public IBinder::DeathRecipient {
   public:
    void binderDied(const wp<IBinder>& /*who*/) override {
      Mutex::Autolock _l(gLock);
      if (gPolicyService != nullptr) {
        gPolicyService->decStrong(&gPolicyService);
        gPolicyService = nullptr;
      }
    }
  };

  static Mutex gLock;
  static AudioPolicyServiceProxy* gPolicyService;
  static sp<DeathNotifier> gDeathNotifier;
};

Mutex AudioSystemClient::gLock;
AudioPolicyServiceProxy* AudioSystemClient::gPolicyService = nullptr;
sp<AudioSystemClient::DeathNotifier> AudioSystemClient::gDeathNotifier =
    new AudioSystemClient::DeathNotifier();

}  // namespace android
