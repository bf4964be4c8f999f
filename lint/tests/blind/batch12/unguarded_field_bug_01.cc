// FrameWaiter: lets a capture client block until the producer side of a
// buffer queue reports a new frame. The FrameListener callbacks arrive on a
// binder thread; waitForNextFrame() runs on the client's request thread.

#include <deque>

#include <android-base/thread_annotations.h>
#include <utils/Errors.h>
#include <utils/Mutex.h>
#include <utils/RefBase.h>
#include <utils/String8.h>
#include <utils/Timers.h>

namespace android {

struct BufferItem {
  int64_t mFrameNumber = 0;
  nsecs_t mTimestamp = 0;
  int mSlot = -1;
};

class FrameListener : public virtual RefBase {
 public:
  virtual void onFrameAvailable(const BufferItem& item) = 0;
  virtual void onFrameReplaced(const BufferItem& item) { onFrameAvailable(item); }
};

class FrameWaiter : public FrameListener {
 public:
  explicit FrameWaiter(size_t maxPending) : mMaxPending(maxPending) {}

  // FrameListener, called on a binder thread.
  void onFrameAvailable(const BufferItem& item) override {
    Mutex::Autolock l(mLock);
    if (mPending.size() >= mMaxPending) {
      mPending.pop_front();
      mDropped++;
    }
    mPending.push_back(item);
    mFrameCond.signal();
  }

  // FrameListener, called on a binder thread when the producer replaced the
  // newest queued frame instead of queueing another one.
  void onFrameReplaced(const BufferItem& item) override {
    mLastReplaced = item.mFrameNumber;  // EXPECT: concurrency-unguarded-field
    onFrameAvailable(item);
  }

  status_t waitForNextFrame(nsecs_t timeout, BufferItem* out) {
    Mutex::Autolock l(mLock);
    while (mPending.empty()) {
      status_t res = mFrameCond.waitRelative(mLock, timeout);
      if (res != OK) return res;
    }
    *out = mPending.front();
    mPending.pop_front();
    return OK;
  }

  void flush() {
    Mutex::Autolock l(mLock);
    mPending.clear();
    mLastReplaced = -1;
  }

  void dump(String8& result) const {
    Mutex::Autolock l(mLock);
    result.appendFormat("  pending: %zu, dropped: %u, last replaced: %lld\n",
                        mPending.size(), mDropped,
                        static_cast<long long>(mLastReplaced));
  }

  // Exposed for the client's statistics report.
  uint32_t droppedFrames() const {
    return mDropped;  // EXPECT: concurrency-unguarded-field
  }

 private:
  const size_t mMaxPending;
  mutable Mutex mLock;
  Condition mFrameCond;
  std::deque<BufferItem> mPending GUARDED_BY(mLock);
  uint32_t mDropped GUARDED_BY(mLock) = 0;
  int64_t mLastReplaced GUARDED_BY(mLock) = -1;
};

// Owns the waiter for one capture stream and reports its health.
class CaptureStream {
 public:
  explicit CaptureStream(int id) : mId(id), mWaiter(new FrameWaiter(4)) {}

  status_t nextFrame(BufferItem* out) { return mWaiter->waitForNextFrame(ms2ns(500), out); }

  void reportHealth(String8& out) const {
    out.appendFormat("stream %d: %u frames dropped\n", mId, mWaiter->droppedFrames());
  }

  sp<FrameListener> listener() const { return mWaiter; }

 private:
  const int mId;
  const sp<FrameWaiter> mWaiter;
};

}  // namespace android
