// Publishes telemetry pings over a data channel. Pings are published from
// the main thread; transport errors arrive on the socket thread.

#include <cstdint>
#include <string>

#include "mock/moz_mutex.h"

namespace mozilla {
namespace net {

class DataChannel {
 public:
  explicit DataChannel(uint16_t aStream) : mStream(aStream) {}
  nsresult Send(const std::string& aData) { return aData.empty() ? NS_ERROR_FAILURE : NS_OK; }
  void Close() { mOpen = false; }
  uint16_t Stream() const { return mStream; }

 private:
  uint16_t mStream;
  bool mOpen = true;
};

class TelemetryPublisher {
 public:
  explicit TelemetryPublisher(DataChannel* aChannel)
      : mMutex("TelemetryPublisher::mMutex"), mChannel(aChannel) {}

  ~TelemetryPublisher() { delete mChannel; }

  // Main thread.
  nsresult Publish(const std::string& aPing) {
    {
      MutexAutoLock lock(mMutex);
      ++mPublished;
    }
    if (!mChannel) {  // EXPECT: concurrency-use-after-close
      return NS_ERROR_NOT_AVAILABLE;
    }
    return mChannel->Send(aPing);
  }

  // Socket thread.
  void OnTransportError(nsresult aReason) {
    {
      MutexAutoLock lock(mMutex);
      mLastError = aReason;
    }
    if (mChannel) {
      mChannel->Close();
      delete mChannel;
      mChannel = nullptr;
    }
  }

  uint64_t Published() {
    MutexAutoLock lock(mMutex);
    return mPublished;
  }

 private:
  Mutex mMutex;
  DataChannel* mChannel;
  uint64_t mPublished MOZ_GUARDED_BY(mMutex) = 0;
  nsresult mLastError MOZ_GUARDED_BY(mMutex) = NS_OK;
};

}  // namespace net
}  // namespace mozilla
