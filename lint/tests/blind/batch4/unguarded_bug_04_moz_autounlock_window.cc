// A small event target: other threads dispatch runnables, one thread runs
// them. Follows the shape of xpcom/threads event queues.

#include <cstdint>
#include <deque>
#include <functional>
#include <thread>
#include <utility>

#include "mock/moz_mutex.h"

namespace mozilla {

class SerialEventTarget {
 public:
  SerialEventTarget()
      : mMutex("SerialEventTarget::mMutex"),
        mEventsAvailable(mMutex, "SerialEventTarget::mEventsAvailable") {}

  ~SerialEventTarget() { Shutdown(); }

  void Start() { mThread = std::thread([this] { Run(); }); }

  nsresult Dispatch(std::function<void()> aEvent) {
    MutexAutoLock lock(mMutex);
    if (mShutdown) return NS_ERROR_FAILURE;
    mEvents.push_back(std::move(aEvent));
    mEventsAvailable.Notify();
    return NS_OK;
  }

  void Shutdown() {
    {
      MutexAutoLock lock(mMutex);
      mShutdown = true;
      mEventsAvailable.NotifyAll();
    }
    if (mThread.joinable()) mThread.join();
  }

  uint64_t ProcessedCount() {
    MutexAutoLock lock(mMutex);
    return mProcessed;
  }

 private:
  void Run() {
    MutexAutoLock lock(mMutex);
    while (!mShutdown) {
      if (mEvents.empty()) {
        mEventsAvailable.Wait();
        continue;
      }
      std::function<void()> event = std::move(mEvents.front());
      mEvents.pop_front();
      {
        // Never run an event with the queue lock held.
        MutexAutoUnlock unlock(mMutex);
        event();
        ++mProcessed;  // EXPECT: concurrency-unguarded-field
      }
    }
  }

  Mutex mMutex;
  CondVar mEventsAvailable;
  std::deque<std::function<void()>> mEvents MOZ_GUARDED_BY(mMutex);
  bool mShutdown MOZ_GUARDED_BY(mMutex) = false;
  uint64_t mProcessed MOZ_GUARDED_BY(mMutex) = 0;
  std::thread mThread;
};

}  // namespace mozilla
