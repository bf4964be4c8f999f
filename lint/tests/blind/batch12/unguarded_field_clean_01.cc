// InputChannelRegistry: the window manager registers input channels over
// binder; the dispatcher thread looks them up for every event it delivers.
// dumpsys must never block behind a wedged dispatcher, so dump() only
// reports the table when it can take the lock right away.

#include <cstdint>
#include <string>
#include <vector>

#include <android-base/thread_annotations.h>
#include <binder/IBinder.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>
#include <utils/String8.h>

namespace android {

class InputChannel : public virtual RefBase {
 public:
  virtual sp<IBinder> getConnectionToken() const = 0;
  virtual const std::string& getName() const = 0;
};

class InputChannelRegistry {
 public:
  explicit InputChannelRegistry(std::string name) : mName(std::move(name)) {}

  status_t registerChannel(const sp<InputChannel>& channel, int32_t displayId) EXCLUDES(mLock) {
    Mutex::Autolock _l(mLock);
    if (findLocked(channel->getConnectionToken()) != nullptr) return BAD_VALUE;
    mEntries.push_back(Entry{channel, displayId});
    mGeneration++;
    return OK;
  }

  status_t unregisterChannel(const sp<IBinder>& token) EXCLUDES(mLock) {
    Mutex::Autolock _l(mLock);
    for (auto it = mEntries.begin(); it != mEntries.end(); ++it) {
      if (it->channel->getConnectionToken() == token) {
        mEntries.erase(it);
        mGeneration++;
        return OK;
      }
    }
    return NAME_NOT_FOUND;
  }

  // Dispatcher thread.
  int32_t displayIdFor(const sp<IBinder>& token) const EXCLUDES(mLock) {
    Mutex::Autolock _l(mLock);
    const Entry* e = findLocked(token);
    return e == nullptr ? -1 : e->displayId;
  }

  uint32_t generation() const EXCLUDES(mLock) {
    Mutex::Autolock _l(mLock);
    return mGeneration;
  }

  // The lock is taken conditionally, which the analysis cannot follow.
  void dump(String8& out) const NO_THREAD_SAFETY_ANALYSIS {
    out.appendFormat("%s:\n", mName.c_str());
    if (mLock.tryLock() != NO_ERROR) {
      out.append("  (lock busy, channel table skipped)\n");
      return;
    }
    dumpLocked(out);
    mLock.unlock();
  }

 private:
  struct Entry {
    sp<InputChannel> channel;
    int32_t displayId;
  };

  const Entry* findLocked(const sp<IBinder>& token) const REQUIRES(mLock) {
    for (const Entry& e : mEntries) {
      if (e.channel->getConnectionToken() == token) return &e;
    }
    return nullptr;
  }

  void dumpLocked(String8& out) const REQUIRES(mLock) {
    out.appendFormat("  generation %u, %zu channels\n", mGeneration, mEntries.size());
    for (const Entry& e : mEntries) {
      out.appendFormat("    %s on display %d\n", e.channel->getName().c_str(), e.displayId);
    }
  }

  const std::string mName;
  mutable Mutex mLock;
  std::vector<Entry> mEntries GUARDED_BY(mLock);
  uint32_t mGeneration GUARDED_BY(mLock) = 0;
};

}  // namespace android
