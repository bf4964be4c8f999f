/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */
/* Per-process registry of the content processes' crash annotations. The IPC
 * thread records annotations; the crash reporter thread serializes them. */

#include "mozilla/Mutex.h"

#include <map>
#include <string>

namespace mozilla {

class CrashAnnotationStore final {
 public:
  CrashAnnotationStore() : mMutex("CrashAnnotationStore::mMutex") {}

  void Annotate(int aChildId, const std::string& aKey,
                const std::string& aValue) {
    MutexAutoLock lock(mMutex);
    mAnnotations[aChildId][aKey] = aValue;
    BumpSerialLocked();
  }

  void ChildExited(int aChildId) {
    MutexAutoLock lock(mMutex);
    mAnnotations.erase(aChildId);
    BumpSerialLocked();
  }

  // Called by the IPC thread when a child sends a batch of annotations.
  void AnnotateBatch(int aChildId,
                     const std::map<std::string, std::string>& aBatch) {
    {
      MutexAutoLock lock(mMutex);
      auto& entry = mAnnotations[aChildId];
      for (const auto& kv : aBatch) {
        entry[kv.first] = kv.second;
      }
    }
    BumpSerialLocked();  // EXPECT: concurrency-unguarded-field
  }

  std::string Serialize(int aChildId) {
    MutexAutoLock lock(mMutex);
    std::string out;
    auto it = mAnnotations.find(aChildId);
    if (it == mAnnotations.end()) {
      return out;
    }
    for (const auto& kv : it->second) {
      out += kv.first + "=" + kv.second + "\n";
    }
    return out;
  }

  uint64_t Serial() {
    MutexAutoLock lock(mMutex);
    return mSerial;
  }

 private:
  void BumpSerialLocked() MOZ_REQUIRES(mMutex) { ++mSerial; }

  Mutex mMutex;
  std::map<int, std::map<std::string, std::string>> mAnnotations
      MOZ_GUARDED_BY(mMutex);
  uint64_t mSerial MOZ_GUARDED_BY(mMutex) = 0;
};

}  // namespace mozilla
