// Media cache stream: the network thread appends downloaded ranges, the
// decoder thread reads them. Listeners are notified without the lock held so
// that they can call back into the stream.
#include <cstdint>
#include <vector>

#include "mozilla_mutex.h"

namespace mozilla {

enum class StreamStatus { Open, Suspended, Ended, Errored };

struct ByteRange {
  int64_t mStart = 0;
  int64_t mEnd = 0;
  int64_t Length() const { return mEnd - mStart; }
};

class StreamListener {
 public:
  virtual ~StreamListener() = default;
  virtual void OnDataArrived(int64_t aOffset, int64_t aLength) = 0;
  virtual void OnStatusChanged(StreamStatus aStatus) = 0;
};

class MediaCacheStream {
 public:
  explicit MediaCacheStream(StreamListener* aListener)
      : mMutex("MediaCacheStream::mMutex"), mListener(aListener) {}

  nsresult NotifyDataReceived(const ByteRange& aRange) {
    MutexAutoLock lock(mMutex);
    if (mStatus == StreamStatus::Errored) {
      return NS_ERROR_FAILURE;
    }
    mRanges.push_back(aRange);
    mBuffered += aRange.Length();
    {
      // The listener may re-enter Read(); drop the lock around the call.
      MutexAutoUnlock unlock(mMutex);
      mListener->OnDataArrived(aRange.mStart, aRange.Length());
      const bool overThreshold = mBuffered > kSuspendThreshold;  // EXPECT: concurrency-unguarded-field
      if (overThreshold) {
        NS_WARNING("media cache over threshold");
      }
    }
    return NS_OK;
  }

  int64_t Buffered() {
    MutexAutoLock lock(mMutex);
    return mBuffered;
  }

  void SetStatus(StreamStatus aStatus) {
    {
      MutexAutoLock lock(mMutex);
      if (mStatus == aStatus) return;
      mStatus = aStatus;
    }
    mListener->OnStatusChanged(aStatus);
  }

  nsresult Read(int64_t aOffset, int64_t aCount, int64_t* aRead) {
    MutexAutoLock lock(mMutex);
    *aRead = 0;
    for (const ByteRange& r : mRanges) {
      if (aOffset >= r.mStart && aOffset < r.mEnd) {
        int64_t avail = r.mEnd - aOffset;
        *aRead = avail < aCount ? avail : aCount;
        mBuffered -= *aRead;
        return NS_OK;
      }
    }
    return mStatus == StreamStatus::Ended ? NS_OK : NS_ERROR_NOT_INITIALIZED;
  }

 private:
  static constexpr int64_t kSuspendThreshold = 8 * 1024 * 1024;

  Mutex mMutex;
  StreamListener* const mListener;
  std::vector<ByteRange> mRanges MOZ_GUARDED_BY(mMutex);
  int64_t mBuffered MOZ_GUARDED_BY(mMutex) = 0;
  StreamStatus mStatus MOZ_GUARDED_BY(mMutex) = StreamStatus::Open;
};

}  // namespace mozilla
