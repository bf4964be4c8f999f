// Print spooler service: clients submit jobs over RPC, the spooler thread
// hands them to the device driver one at a time.
#include <deque>
#include <string>

#include "win_sync.h"

namespace spool {

enum class JobState { Queued, Printing, Done, Failed };

struct PrintJob {
  DWORD id = 0;
  std::string document;
  int copies = 1;
  JobState state = JobState::Queued;
};

struct SpoolerStatus {
  size_t queued = 0;
  DWORD activeJob = 0;
  bool deviceOnline = false;
};

class Spooler {
 public:
  Spooler() { InitializeCriticalSection(&cs_); }
  ~Spooler() { DeleteCriticalSection(&cs_); }

  DWORD Submit(std::string document, int copies) {
    EnterCriticalSection(&cs_);
    PrintJob job;
    job.id = ++nextId_;
    job.document = std::move(document);
    job.copies = copies;
    queue_.push_back(job);
    DWORD id = job.id;
    LeaveCriticalSection(&cs_);
    return id;
  }

  // Spooler thread: takes the next job and marks it active.
  bool BeginNext(PrintJob* out) {
    EnterCriticalSection(&cs_);
    if (queue_.empty() || !deviceOnline_) {
      LeaveCriticalSection(&cs_);
      return false;
    }
    *out = queue_.front();
    queue_.pop_front();
    activeJobId_ = out->id;
    LeaveCriticalSection(&cs_);
    return true;
  }

  void Finish(DWORD id, bool ok) {
    EnterCriticalSection(&cs_);
    if (activeJobId_ == id) activeJobId_ = 0;
    if (!ok) ++failures_;
    LeaveCriticalSection(&cs_);
  }

  void SetDeviceOnline(bool online) {
    EnterCriticalSection(&cs_);
    deviceOnline_ = online;
    LeaveCriticalSection(&cs_);
  }

  // RPC thread: status for the tray icon.
  SpoolerStatus GetStatus() {
    SpoolerStatus status;
    EnterCriticalSection(&cs_);
    status.queued = queue_.size();
    status.deviceOnline = deviceOnline_;
    LeaveCriticalSection(&cs_);
    status.activeJob = activeJobId_;  // EXPECT: concurrency-unguarded-field
    return status;
  }

 private:
  CRITICAL_SECTION cs_;
  std::deque<PrintJob> queue_;
  DWORD nextId_ = 0;
  DWORD activeJobId_ = 0;
  bool deviceOnline_ = false;
  unsigned failures_ = 0;
};

class SpoolerThread {
 public:
  explicit SpoolerThread(Spooler* spooler) : spooler_(spooler) {}

  void RunOnce() {
    PrintJob job;
    if (!spooler_->BeginNext(&job)) {
      Sleep(100);
      return;
    }
    bool ok = SendToDevice(job);
    if (!ok) OutputDebugStringA("spooler: device rejected job");
    spooler_->Finish(job.id, ok);
  }

 private:
  bool SendToDevice(const PrintJob& job) { return !job.document.empty() && job.copies > 0; }

  Spooler* spooler_;
};

}  // namespace spool
