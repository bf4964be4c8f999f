/* Stand-in for xpcom/threads/StaticMutex.h. */
#ifndef mozilla_StaticMutex_h
#define mozilla_StaticMutex_h

#include <atomic>
#include "mozilla/Mutex.h"

namespace mozilla {

/**
 * StaticMutex is a Mutex that can (and in fact, must) be used as a
 * global/static variable.
 */
class MOZ_CAPABILITY("mutex") BaseStaticMutex {
public:
  constexpr BaseStaticMutex() {}

  void Lock() MOZ_CAPABILITY_ACQUIRE() { Mutex()->Lock(); }
  void Unlock() MOZ_CAPABILITY_RELEASE() { Mutex()->Unlock(); }
  void AssertCurrentThreadOwns() MOZ_ASSERT_CAPABILITY(this) {}

private:
  OffTheBooksMutex *Mutex() {
    if (mMutex) {
      return mMutex;
    }
    OffTheBooksMutex *mutex = new OffTheBooksMutex("StaticMutex");
    OffTheBooksMutex *expected = nullptr;
    if (!mMutex.compare_exchange_strong(expected, mutex)) {
      delete mutex;
    }
    return mMutex;
  }

  std::atomic<OffTheBooksMutex *> mMutex{nullptr};
};

typedef BaseStaticMutex StaticMutex;
typedef detail::BaseAutoLock<BaseStaticMutex &> StaticMutexAutoLock;
typedef detail::BaseAutoUnlock<BaseStaticMutex &> StaticMutexAutoUnlock;

} // namespace mozilla

#endif
