// In-memory media resource fed by the demuxer thread and read by the
// decoder thread. In the spirit of dom/media/mediasource/SourceBufferResource.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "mock/moz_mutex.h"

namespace mozilla {

class SourceBufferResource final {
 public:
  SourceBufferResource()
      : mMutex("SourceBufferResource::mMutex"),
        mCondVar(mMutex, "SourceBufferResource::mCondVar") {}

  void AppendData(const uint8_t* aData, size_t aLength);
  void EvictBefore(int64_t aOffset);
  void Ended();
  nsresult ReadAt(int64_t aOffset, uint8_t* aBuffer, uint32_t aCount,
                  uint32_t* aBytes);

  int64_t GetLength() const;
  bool IsEnded() const;
  size_t SizeOfExcludingThis() const;

 private:
  mutable Mutex mMutex;
  CondVar mCondVar;
  std::vector<uint8_t> mBuffer;
  int64_t mOffset = 0;  // Stream offset of mBuffer[0].
  int64_t mTotalLength = 0;
  bool mEnded = false;
};

void SourceBufferResource::AppendData(const uint8_t* aData, size_t aLength) {
  MutexAutoLock lock(mMutex);
  mBuffer.insert(mBuffer.end(), aData, aData + aLength);
  mTotalLength += static_cast<int64_t>(aLength);
  mCondVar.NotifyAll();
}

void SourceBufferResource::EvictBefore(int64_t aOffset) {
  MutexAutoLock lock(mMutex);
  if (aOffset <= mOffset) return;
  const size_t n = std::min<size_t>(mBuffer.size(), aOffset - mOffset);
  mBuffer.erase(mBuffer.begin(), mBuffer.begin() + n);
  mOffset += static_cast<int64_t>(n);
}

void SourceBufferResource::Ended() {
  MutexAutoLock lock(mMutex);
  mEnded = true;
  mCondVar.NotifyAll();
}

nsresult SourceBufferResource::ReadAt(int64_t aOffset, uint8_t* aBuffer,
                                      uint32_t aCount, uint32_t* aBytes) {
  MutexAutoLock lock(mMutex);
  while (!mEnded && aOffset + aCount > mTotalLength) {
    mCondVar.Wait();
  }
  if (aOffset < mOffset) return NS_ERROR_NOT_AVAILABLE;
  const int64_t available = mTotalLength - aOffset;
  const uint32_t count =
      static_cast<uint32_t>(std::max<int64_t>(0, std::min<int64_t>(aCount, available)));
  if (count > 0) std::memcpy(aBuffer, mBuffer.data() + (aOffset - mOffset), count);
  *aBytes = count;
  return NS_OK;
}

int64_t SourceBufferResource::GetLength() const {
  return mTotalLength;  // EXPECT: concurrency-unguarded-field
}

bool SourceBufferResource::IsEnded() const {
  return mEnded;  // EXPECT: concurrency-unguarded-field
}

size_t SourceBufferResource::SizeOfExcludingThis() const {
  MutexAutoLock lock(mMutex);
  return mBuffer.capacity();
}

}  // namespace mozilla
