// Stats puller of a system daemon: samples per-UID counters from the kernel
// every few seconds and keeps the latest snapshot for dumpsys.

#include <unistd.h>

#include <cstdint>
#include <map>
#include <thread>

#include <utils/Mutex.h>
#include <utils/String8.h>
#include <utils/Timers.h>

namespace android {

struct UidCounters {
  uint64_t rxBytes = 0;
  uint64_t txBytes = 0;
};

bool readKernelCounters(std::map<int32_t, UidCounters>* out);

class StatsPuller {
 public:
  explicit StatsPuller(unsigned intervalSec) : mIntervalSec(intervalSec) {}

  void start() {
    std::thread(&StatsPuller::pollLoop, this).detach();  // EXPECT: concurrency-thread-leak
  }

  void dump(String8& out) {
    Mutex::Autolock _l(mLock);
    out.appendFormat("%zu uids, last pull at %lld\n", mSnapshot.size(),
                     static_cast<long long>(mLastPull));
  }

 private:
  void pollLoop() {
    while (true) {
      std::map<int32_t, UidCounters> fresh;
      if (readKernelCounters(&fresh)) {
        Mutex::Autolock _l(mLock);
        mSnapshot.swap(fresh);
        mLastPull = systemTime();
      }
      sleep(mIntervalSec);
    }
  }

  const unsigned mIntervalSec;
  Mutex mLock;
  std::map<int32_t, UidCounters> mSnapshot;
  nsecs_t mLastPull = 0;

 public:
  bool countersFor(int32_t uid, UidCounters* out) {
    Mutex::Autolock _l(mLock);
    auto it = mSnapshot.find(uid);
    if (it == mSnapshot.end()) return false;
    *out = it->second;
    return true;
  }
};

// Answers the per-app data usage queries of the settings app.
class DataUsageService {
 public:
  explicit DataUsageService(StatsPuller& puller) : mPuller(puller) {}

  uint64_t totalBytesFor(int32_t uid) {
    UidCounters c;
    if (!mPuller.countersFor(uid, &c)) return 0;
    return c.rxBytes + c.txBytes;
  }

  void dump(String8& out) {
    out.append("DataUsageService:\n  ");
    mPuller.dump(out);
  }

 private:
  StatsPuller& mPuller;
};

}  // namespace android
