// A bounded async task group in the style of Arrow's AsyncTaskScheduler: the
// guard returned by util::Mutex::Lock() protects the counters; callbacks are
// invoked only after the guard is unlocked, on copies.
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "arrow/status.h"
#include "arrow/util/mutex.h"
#include "arrow/util/thread_pool.h"

namespace arrow {
namespace util {

using Task = std::function<Status()>;
using DoneCallback = std::function<void(const Status&)>;

class ThrottledTaskGroup {
 public:
  ThrottledTaskGroup(internal::Executor* executor, int max_concurrency)
      : executor_(executor), max_concurrency_(max_concurrency) {}

  Status AddTask(Task task) {
    auto guard = mutex_.Lock();
    if (ended_) return Status::Invalid("AddTask after End");
    if (running_ >= max_concurrency_) {
      queued_.push_back(std::move(task));
      return Status::OK();
    }
    ++running_;
    guard.Unlock();
    return Launch(std::move(task));
  }

  // No more tasks will be added; `done` runs when the last one finishes.
  void End(DoneCallback done) {
    auto guard = mutex_.Lock();
    ended_ = true;
    on_done_ = std::move(done);
    if (running_ > 0 || !queued_.empty()) return;
    DoneCallback cb = std::move(on_done_);
    Status final_status = first_error_;
    guard.Unlock();
    if (cb) cb(final_status);
  }

  int64_t completed() {
    auto guard = mutex_.Lock();
    return completed_;
  }

  bool TryGetStatus(Status* out) {
    if (auto guard = mutex_.TryLock()) {
      *out = first_error_;
      return true;
    }
    return false;
  }

 private:
  Status Launch(Task task) {
    return executor_->Spawn([this, task = std::move(task)]() { OnTaskFinished(task()); });
  }

  void OnTaskFinished(Status st) {
    auto guard = mutex_.Lock();
    ++completed_;
    if (!st.ok() && first_error_.ok()) first_error_ = st;
    if (!queued_.empty()) {
      Task next = std::move(queued_.front());
      queued_.pop_front();
      guard.Unlock();
      Status launch = Launch(std::move(next));
      if (!launch.ok()) OnTaskFinished(launch);
      return;
    }
    --running_;
    if (running_ > 0 || !ended_) return;
    DoneCallback cb = std::move(on_done_);
    Status final_status = first_error_;
    guard.Unlock();
    if (cb) cb(final_status);
  }

  internal::Executor* const executor_;
  const int max_concurrency_;

  Mutex mutex_;
  int running_ = 0;
  bool ended_ = false;
  int64_t completed_ = 0;
  std::deque<Task> queued_;
  Status first_error_;
  DoneCallback on_done_;
};

Status RunAll(internal::Executor* executor, std::vector<Task> tasks, DoneCallback done) {
  ThrottledTaskGroup* group = new ThrottledTaskGroup(executor, 4);
  for (Task& t : tasks) ARROW_RETURN_NOT_OK(group->AddTask(std::move(t)));
  group->End([group, done = std::move(done)](const Status& st) {
    done(st);
    delete group;
  });
  return Status::OK();
}

}  // namespace util
}  // namespace arrow
