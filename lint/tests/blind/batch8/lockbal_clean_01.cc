/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Runnable queue of a worker thread. Runnables run with the queue's lock
 * released, since they may dispatch more runnables to the same queue. */

#include "mozilla/Mutex.h"

#include <deque>
#include <functional>
#include <utility>

namespace mozilla {

class EventQueue final {
 public:
  using Runnable = std::function<void()>;

  EventQueue() : mMutex("EventQueue::mMutex") {}

  void Dispatch(Runnable aRunnable) {
    MutexAutoLock lock(mMutex);
    mQueue.push_back(std::move(aRunnable));
  }

  // Runs every runnable queued so far; returns how many ran.
  size_t ProcessPending() {
    MutexAutoLock lock(mMutex);
    size_t ran = 0;
    while (!mQueue.empty()) {
      Runnable r = std::move(mQueue.front());
      mQueue.pop_front();
      {
        MutexAutoUnlock unlock(mMutex);
        r();
      }
      ++ran;
    }
    mProcessed += ran;
    return ran;
  }

  // Non-blocking variant for the idle callback.
  bool TryProcessOne() {
    if (!mMutex.TryLock()) {
      return false;
    }
    if (mQueue.empty()) {
      mMutex.Unlock();
      return false;
    }
    Runnable r = std::move(mQueue.front());
    mQueue.pop_front();
    ++mProcessed;
    mMutex.Unlock();
    r();
    return true;
  }

  size_t Processed() {
    MutexAutoLock lock(mMutex);
    return mProcessed;
  }

 private:
  Mutex mMutex;
  std::deque<Runnable> mQueue MOZ_GUARDED_BY(mMutex);
  size_t mProcessed MOZ_GUARDED_BY(mMutex) = 0;
};

}  // namespace mozilla
