// Sends a heartbeat to the push service every few seconds from a timer
// thread. Reconnect() hands the session over to a new server.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

#include "mock/moz_mutex.h"

namespace mozilla {
namespace dom {

void SendFrame(const std::string& aServer, const std::string& aFrame);

class RepeatingTimer {
 public:
  ~RepeatingTimer() { Cancel(); }

  void Start(std::function<void()> aCallback, std::chrono::milliseconds aPeriod) {
    mThread = std::thread([this, aCallback, aPeriod] {
      while (!mCancelled.load()) {
        std::this_thread::sleep_for(aPeriod);
        if (!mCancelled.load()) aCallback();
      }
    });
  }

  void Cancel() {
    mCancelled = true;
    if (mThread.joinable()) mThread.join();
  }

 private:
  std::atomic<bool> mCancelled{false};
  std::thread mThread;
};

class PushHeartbeat {
 public:
  PushHeartbeat(std::string aServer, std::string aSessionId)
      : mMutex("PushHeartbeat::mMutex"),
        mServer(std::move(aServer)),
        mSessionId(std::move(aSessionId)) {}

  void Start() {
    mTimer.Start(std::bind(&PushHeartbeat::SendHeartbeat, this),
                 std::chrono::milliseconds(5000));
  }

  void Stop() { mTimer.Cancel(); }

  // Called on the main thread when the service redirects us.
  void Reconnect(const std::string& aServer, const std::string& aSessionId) {
    MutexAutoLock lock(mMutex);
    mServer = aServer;
    mSessionId = aSessionId;
    ++mReconnects;
  }

  uint32_t Reconnects() {
    MutexAutoLock lock(mMutex);
    return mReconnects;
  }

 private:
  void SendHeartbeat() {
    std::string frame = "{\"type\":\"ping\",\"session\":\"" + mSessionId + "\"}";  // EXPECT: concurrency-closure-captures-mutable
    SendFrame(mServer, frame);  // EXPECT: concurrency-closure-captures-mutable
  }

  Mutex mMutex;
  std::string mServer;
  std::string mSessionId;
  uint32_t mReconnects = 0;
  RepeatingTimer mTimer;
};

}  // namespace dom
}  // namespace mozilla
