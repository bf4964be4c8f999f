// Crash-dump uploader queue for the Windows agent. The UI thread queues dumps;
// the uploader thread takes them opportunistically with TryEnterCriticalSection
// so that it never blocks the message pump it shares with the tray icon.
#include <string>
#include <vector>

#include "win_sync.h"

namespace crashpad_agent {

enum class UploadResult { Uploaded, Throttled, NetworkError, Rejected };

struct DumpFile {
  std::string path;
  unsigned long sizeBytes = 0;
  int attempts = 0;
};

class DumpQueue {
 public:
  DumpQueue() { InitializeCriticalSection(&cs_); }
  ~DumpQueue() { DeleteCriticalSection(&cs_); }

  void Add(DumpFile dump) {
    EnterCriticalSection(&cs_);
    pending_.push_back(std::move(dump));
    ++added_;
    LeaveCriticalSection(&cs_);
  }

  // Uploader thread: grab everything pending if the lock is free right now.
  bool TryTakeAll(std::vector<DumpFile>* out) {
    if (!TryEnterCriticalSection(&cs_)) {
      ++contendedPolls_;  // Only touched by the uploader thread.
      return false;
    }
    out->swap(pending_);
    LeaveCriticalSection(&cs_);
    return !out->empty();
  }

  void Requeue(std::vector<DumpFile> dumps) {
    EnterCriticalSection(&cs_);
    for (DumpFile& d : dumps) {
      if (++d.attempts < kMaxAttempts) pending_.push_back(std::move(d));
    }
    LeaveCriticalSection(&cs_);
  }

  unsigned long Added() {
    EnterCriticalSection(&cs_);
    unsigned long n = added_;
    LeaveCriticalSection(&cs_);
    return n;
  }

  unsigned long ContendedPolls() const { return contendedPolls_; }

 private:
  static constexpr int kMaxAttempts = 5;

  CRITICAL_SECTION cs_;
  std::vector<DumpFile> pending_;
  unsigned long added_ = 0;
  // Owned by the uploader thread: written and read only there.
  unsigned long contendedPolls_ = 0;
};

class Uploader {
 public:
  explicit Uploader(DumpQueue* queue) : queue_(queue) {}

  void Poll() {
    std::vector<DumpFile> batch;
    if (!queue_->TryTakeAll(&batch)) return;
    std::vector<DumpFile> retry;
    for (DumpFile& d : batch) {
      UploadResult r = Upload(d);
      if (r == UploadResult::NetworkError || r == UploadResult::Throttled) {
        retry.push_back(std::move(d));
      } else if (r == UploadResult::Rejected) {
        OutputDebugStringA("crash server rejected a dump");
      }
    }
    if (!retry.empty()) queue_->Requeue(std::move(retry));
    if (queue_->ContendedPolls() > 1000) OutputDebugStringA("dump queue heavily contended");
  }

 private:
  UploadResult Upload(const DumpFile& d) {
    if (d.sizeBytes == 0) return UploadResult::Rejected;
    return d.sizeBytes > (64ul << 20) ? UploadResult::Throttled : UploadResult::Uploaded;
  }

  DumpQueue* queue_;
};

}  // namespace crashpad_agent
