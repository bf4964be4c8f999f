// Sensor event channel: the looper thread writes batches of sensor events to
// the client's socket; the client (or binder death) disconnects the channel
// from a binder thread.

#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>

#include <binder/IBinder.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>

namespace android {

struct SensorEvent {
  int32_t sensor = 0;
  int32_t type = 0;
  int64_t timestamp = 0;
  float data[16] = {};
};

class SensorEventChannel : public IBinder::DeathRecipient {
 public:
  explicit SensorEventChannel(int sendFd) : mSendFd(sendFd) {}

  ~SensorEventChannel() override {
    if (mSendFd >= 0) ::close(mSendFd);
  }

  // Looper thread.
  ssize_t sendEvents(const SensorEvent* events, size_t count) {
    const ssize_t size = static_cast<ssize_t>(count * sizeof(SensorEvent));
    const ssize_t sent = ::send(mSendFd, events, static_cast<size_t>(size), MSG_DONTWAIT | MSG_NOSIGNAL);  // EXPECT: concurrency-use-after-close
    if (sent < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        Mutex::Autolock _l(mLock);
        mDroppedEvents += count;
        return WOULD_BLOCK;
      }
      return DEAD_OBJECT;
    }
    Mutex::Autolock _l(mLock);
    mSentEvents += count;
    return sent;
  }

  // Binder thread.
  void disconnect() {
    Mutex::Autolock _l(mLock);
    if (mSendFd >= 0) {
      ::close(mSendFd);
      mSendFd = -1;
    }
  }

  void binderDied(const wp<IBinder>& /*who*/) override { disconnect(); }

  uint64_t sentEvents() {
    Mutex::Autolock _l(mLock);
    return mSentEvents;
  }

  uint64_t droppedEvents() {
    Mutex::Autolock _l(mLock);
    return mDroppedEvents;
  }

 private:
  Mutex mLock;
  int mSendFd;
  uint64_t mSentEvents = 0;
  uint64_t mDroppedEvents = 0;
};

}  // namespace android
