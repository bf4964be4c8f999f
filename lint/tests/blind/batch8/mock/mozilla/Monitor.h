/* Stand-in for xpcom/threads/Monitor.h (Monitor built on Mutex + CondVar). */
#ifndef mozilla_Monitor_h
#define mozilla_Monitor_h

#include <condition_variable>
#include <mutex>
#include "mozilla/Mutex.h"

namespace mozilla {

class MOZ_CAPABILITY("monitor") Monitor {
public:
  explicit Monitor(const char *aName) : mName(aName) {}

  void Lock() MOZ_CAPABILITY_ACQUIRE() { mMutex.lock(); }
  void Unlock() MOZ_CAPABILITY_RELEASE() { mMutex.unlock(); }

  void Wait() {
    std::unique_lock<std::mutex> l(mMutex, std::adopt_lock);
    mCondVar.wait(l);
    l.release();
  }
  void Notify() { mCondVar.notify_one(); }
  void NotifyAll() { mCondVar.notify_all(); }

  void AssertCurrentThreadOwns() const MOZ_ASSERT_CAPABILITY(this) {}

  const char *Name() const { return mName; }

private:
  const char *mName;
  std::mutex mMutex;
  std::condition_variable mCondVar;
};

class MOZ_SCOPED_CAPABILITY MonitorAutoLock {
public:
  explicit MonitorAutoLock(Monitor &aMonitor) MOZ_CAPABILITY_ACQUIRE(aMonitor)
      : mMonitor(&aMonitor) {
    mMonitor->Lock();
  }
  ~MonitorAutoLock() MOZ_CAPABILITY_RELEASE() { mMonitor->Unlock(); }

  void Wait() { mMonitor->Wait(); }
  void Notify() { mMonitor->Notify(); }
  void NotifyAll() { mMonitor->NotifyAll(); }

private:
  Monitor *mMonitor;
};

} // namespace mozilla

#endif
