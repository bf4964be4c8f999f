// V8-style heap snapshot scheduler: the worker task needs the snapshot's
// file name and id, so the lambda captures copies of them when the task is
// created; the isolate thread may rename the next snapshot meanwhile.
#include <atomic>
#include <memory>
#include <string>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

bool WriteHeapSnapshot(const std::string& path, int id);

class HeapSnapshotScheduler {
 public:
  HeapSnapshotScheduler(Isolate* isolate, Platform* platform)
      : isolate_(isolate), platform_(platform) {}

  // Isolate thread.
  void SetFileName(const std::string& name) { file_name_ = name; }

  // Isolate thread.
  void TakeSnapshot() {
    ++snapshot_id_;
    auto task = MakeCancelableTask(
        isolate_, [this, path = file_name_, id = snapshot_id_] {
          bool ok = WriteHeapSnapshot(path + "." + std::to_string(id) + ".heapsnapshot", id);
          if (!ok) failures_.fetch_add(1, std::memory_order_relaxed);
          base::MutexGuard guard(&mutex_);
          last_written_ = path;
        });
    platform_->CallOnWorkerThread(std::move(task));
  }

  std::string last_written() {
    base::MutexGuard guard(&mutex_);
    return last_written_;
  }

  int failures() const { return failures_.load(std::memory_order_relaxed); }

 private:
  Isolate* const isolate_;
  Platform* const platform_;
  std::string file_name_ = "Heap";  // Only accessed on the isolate thread.
  int snapshot_id_ = 0;             // Only accessed on the isolate thread.
  std::atomic<int> failures_{0};
  base::Mutex mutex_;
  std::string last_written_;
};

}  // namespace internal
}  // namespace v8
