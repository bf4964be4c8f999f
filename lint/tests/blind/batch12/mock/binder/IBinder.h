// Minimal stand-in for AOSP's <binder/IBinder.h> and <binder/IInterface.h>.
#pragma once

#include <cstdint>

#include <utils/Errors.h>
#include <utils/RefBase.h>
#include <utils/String8.h>

namespace android {

class IBinder : public virtual RefBase {
 public:
  class DeathRecipient : public virtual RefBase {
   public:
    virtual void binderDied(const wp<IBinder>& who) = 0;
  };

  virtual status_t linkToDeath(const sp<DeathRecipient>& recipient,
                               void* cookie = nullptr, uint32_t flags = 0) = 0;
  virtual status_t unlinkToDeath(const wp<DeathRecipient>& recipient,
                                 void* cookie = nullptr, uint32_t flags = 0) = 0;
  virtual bool isBinderAlive() const = 0;
};

class IInterface : public virtual RefBase {
 public:
  static sp<IBinder> asBinder(const IInterface* iface);
};

sp<IBinder> defaultServiceManagerGetService(const String8& name);

}  // namespace android
