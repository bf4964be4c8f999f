/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Tracks the decoded-image surfaces of a document so that memory pressure
 * can discard the least recently used ones. */

#include "mozilla/Mutex.h"
#include "mozilla/Attributes.h"

#include <cstdint>
#include <cstdio>
#include <list>
#include <string>

namespace mozilla {
namespace image {

struct SurfaceKey {
  std::string mURI;
  int32_t mWidth = 0;
  int32_t mHeight = 0;
  size_t Bytes() const { return size_t(mWidth) * size_t(mHeight) * 4; }
};

class SurfaceTracker final {
 public:
  explicit SurfaceTracker(size_t aBudget)
      : mMutex("SurfaceTracker::mMutex"), mBudget(aBudget) {}

  void Insert(const SurfaceKey& aKey) {
    MutexAutoLock lock(mMutex);
    mSurfaces.push_front(aKey);
    mLockedBytes += aKey.Bytes();
  }

  // Discards surfaces until we are under budget. Returns the number of
  // surfaces discarded.
  size_t DiscardForMemoryPressure() {
    size_t discarded = 0;
    {
      MutexAutoLock lock(mMutex);
      while (mLockedBytes > mBudget && !mSurfaces.empty()) {
        mLockedBytes -= mSurfaces.back().Bytes();
        mSurfaces.pop_back();
        ++discarded;
      }
    }
    if (discarded) {
      printf_stderr("SurfaceTracker: discarded %zu surfaces, %zu bytes left\n",
                    discarded, mLockedBytes);  // EXPECT: concurrency-unguarded-field
    }
    return discarded;
  }

  size_t LockedBytes() {
    MutexAutoLock lock(mMutex);
    return mLockedBytes;
  }

 private:
  static void printf_stderr(const char* aFmt, size_t aA, size_t aB) {
    fprintf(stderr, aFmt, aA, aB);
  }

  Mutex mMutex;
  const size_t mBudget;
  std::list<SurfaceKey> mSurfaces MOZ_GUARDED_BY(mMutex);
  size_t mLockedBytes MOZ_GUARDED_BY(mMutex) = 0;
};

}  // namespace image
}  // namespace mozilla

size_t TrimAll(mozilla::image::SurfaceTracker& aTracker) {
  size_t total = 0;
  while (size_t n = aTracker.DiscardForMemoryPressure()) {
    total += n;
  }
  return total;
}
