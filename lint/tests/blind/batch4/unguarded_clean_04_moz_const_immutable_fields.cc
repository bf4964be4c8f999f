// Bounded in-memory log of recent console messages for about:support.
// The capacity and the category are fixed at construction.

#include <cstddef>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "mock/moz_mutex.h"

namespace mozilla {

class ConsoleRingBuffer {
 public:
  ConsoleRingBuffer(std::string aCategory, size_t aCapacity)
      : mMutex("ConsoleRingBuffer::mMutex"),
        mCategory(std::move(aCategory)),
        mCapacity(aCapacity) {
    mMessages.clear();
  }

  void Append(std::string aMessage) {
    MutexAutoLock lock(mMutex);
    if (mMessages.size() == mCapacity) {
      mMessages.pop_front();
      ++mDropped;
    }
    mMessages.push_back(std::move(aMessage));
  }

  std::vector<std::string> Snapshot() const {
    MutexAutoLock lock(mMutex);
    return std::vector<std::string>(mMessages.begin(), mMessages.end());
  }

  size_t Dropped() const {
    MutexAutoLock lock(mMutex);
    return mDropped;
  }

  void Clear() {
    MutexAutoLock lock(mMutex);
    mMessages.clear();
    mDropped = 0;
  }

  // Both are set once in the constructor and never change.
  const std::string& Category() const { return mCategory; }
  size_t Capacity() const { return mCapacity; }

  std::string Describe() const {
    return mCategory + " (capacity " + std::to_string(mCapacity) + ")";
  }

 private:
  mutable Mutex mMutex;
  std::string mCategory;
  size_t mCapacity;
  std::deque<std::string> mMessages;
  size_t mDropped = 0;
};

}  // namespace mozilla
