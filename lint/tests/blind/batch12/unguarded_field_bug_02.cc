// DisplayEventHub: fans display hotplug and mode-change events out to the
// client connections that registered over binder. Connections die with their
// client process; binderDied() prunes them.

#include <algorithm>
#include <cstdint>
#include <vector>

#include <binder/IBinder.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>
#include <utils/String8.h>
#include <utils/Timers.h>

namespace android {

struct DisplayEvent {
  enum Type : uint32_t { HOTPLUG, MODE_CHANGE, FRAME_RATE_OVERRIDE };
  Type type = HOTPLUG;
  uint64_t displayId = 0;
  nsecs_t timestamp = 0;
  bool connected = false;
};

class DisplayEventConnection : public virtual RefBase {
 public:
  virtual status_t postEvent(const DisplayEvent& event) = 0;
  virtual bool isAlive() const = 0;
  virtual uint32_t eventMask() const = 0;
};

class DisplayEventHub : public IBinder::DeathRecipient {
 public:
  status_t registerConnection(const sp<DisplayEventConnection>& connection) {
    Mutex::Autolock _l(mLock);
    for (const auto& existing : mConnections) {
      if (existing == connection) return BAD_VALUE;
    }
    mConnections.push_back(connection);
    mCondition.broadcast();
    return NO_ERROR;
  }

  void removeConnection(const sp<DisplayEventConnection>& connection) {
    Mutex::Autolock _l(mLock);
    mConnections.erase(std::remove(mConnections.begin(), mConnections.end(), connection),
                       mConnections.end());
  }

  // IBinder::DeathRecipient, on a binder thread.
  void binderDied(const wp<IBinder>& /*who*/) override {
    Mutex::Autolock _l(mLock);
    mConnections.erase(std::remove_if(mConnections.begin(), mConnections.end(),
                                      [](const sp<DisplayEventConnection>& c) {
                                        return !c->isAlive();
                                      }),
                       mConnections.end());
  }

  // Blocks the hotplug thread until at least one client listens.
  void waitForConnection() {
    Mutex::Autolock _l(mLock);
    while (mConnections.empty()) {
      mCondition.wait(mLock);
    }
  }

  const std::vector<sp<DisplayEventConnection>>& getConnections() const {
    Mutex::Autolock _l(mLock);
    return mConnections;  // EXPECT: concurrency-unguarded-field
  }

  // Called on the hotplug thread.
  void dispatchHotplug(uint64_t displayId, bool connected) {
    DisplayEvent event;
    event.type = DisplayEvent::HOTPLUG;
    event.displayId = displayId;
    event.timestamp = systemTime();
    event.connected = connected;
    const auto& connections = getConnections();
    for (const auto& connection : connections) {
      if ((connection->eventMask() & (1u << event.type)) == 0) continue;
      if (connection->postEvent(event) == DEAD_OBJECT) {
        mDeadSeen.fetch_add(1, std::memory_order_relaxed);
      }
    }
  }

  void dump(String8& result) const {
    Mutex::Autolock _l(mLock);
    result.appendFormat("DisplayEventHub: %zu connections, %u dead posts\n",
                        mConnections.size(), mDeadSeen.load(std::memory_order_relaxed));
  }

 private:
  mutable Mutex mLock;
  mutable Condition mCondition;
  std::vector<sp<DisplayEventConnection>> mConnections;
  std::atomic<uint32_t> mDeadSeen{0};
};

}  // namespace android
