/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Media cache block allocator. Blocks are handed out to the decoder threads
 * and returned when the stream that used them is closed. */

#include "mozilla/Mutex.h"

#include <cstdint>
#include <vector>

namespace mozilla {

class MediaBlockPool final {
 public:
  explicit MediaBlockPool(size_t aBlocks) : mMutex("MediaBlockPool::mMutex") {
    MutexAutoLock lock(mMutex);
    for (size_t i = 0; i < aBlocks; ++i) {
      mFree.push_back(int32_t(i));
    }
  }

  // Returns a block index, or -1 if the pool is exhausted.
  int32_t Allocate(uint32_t aStreamId) {
    mMutex.Lock();
    if (mShutdown) {
      mMutex.Unlock();
      return -1;
    }
    if (mFree.empty()) {
      ++mExhausted;
      return -1;
    }
    int32_t block = mFree.back();
    mFree.pop_back();
    mOwners.resize(size_t(block) + 1 > mOwners.size() ? size_t(block) + 1 : mOwners.size());
    mOwners[size_t(block)] = aStreamId;
    mMutex.Unlock();
    return block;
  }  // EXPECT: concurrency-lock-balance

  void Free(int32_t aBlock) {
    MutexAutoLock lock(mMutex);
    mFree.push_back(aBlock);
  }

  void Shutdown() {
    MutexAutoLock lock(mMutex);
    mShutdown = true;
  }

  uint64_t Exhausted() {
    MutexAutoLock lock(mMutex);
    return mExhausted;
  }

 private:
  Mutex mMutex;
  std::vector<int32_t> mFree MOZ_GUARDED_BY(mMutex);
  std::vector<uint32_t> mOwners MOZ_GUARDED_BY(mMutex);
  uint64_t mExhausted MOZ_GUARDED_BY(mMutex) = 0;
  bool mShutdown MOZ_GUARDED_BY(mMutex) = false;
};

}  // namespace mozilla
