/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Telemetry ping uploader: batches pings in memory and uploads them from a
 * background thread every minute. */

#include "mozilla/Mutex.h"

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace mozilla {
namespace telemetry {

class PingQueue final {
 public:
  PingQueue() : mMutex("PingQueue::mMutex") {}

  void Enqueue(std::string aPing) {
    MutexAutoLock lock(mMutex);
    mPending.push_back(std::move(aPing));
  }

  std::vector<std::string> TakeAll() {
    MutexAutoLock lock(mMutex);
    std::vector<std::string> out;
    out.swap(mPending);
    return out;
  }

 private:
  Mutex mMutex;
  std::vector<std::string> mPending MOZ_GUARDED_BY(mMutex);
};

static bool UploadBatch(const std::vector<std::string>& aBatch) {
  return !aBatch.empty();
}

static void UploadLoop(PingQueue* aQueue) {
  const auto interval = std::chrono::seconds(60);
  for (;;) {
    std::this_thread::sleep_for(interval);
    std::vector<std::string> batch = aQueue->TakeAll();
    if (!batch.empty() && !UploadBatch(batch)) {
      for (auto& ping : batch) {
        aQueue->Enqueue(std::move(ping));
      }
    }
  }
}

void StartUploader(PingQueue* aQueue) {
  std::thread uploader(UploadLoop, aQueue);
  uploader.detach();  // EXPECT: concurrency-thread-leak
}

}  // namespace telemetry
}  // namespace mozilla
