// Node.js-style inspector message queue: the inspector I/O thread posts
// messages, the main thread drains them. The queue is swapped out under
// the mutex and the dispatch runs in a ScopedUnlock window, touching only
// the swapped-out local.
#include <deque>
#include <functional>
#include <string>
#include <utility>

#include "mock/node_mutex.h"

namespace node {
namespace inspector {

class MainThreadInterface {
 public:
  explicit MainThreadInterface(std::function<void(const std::string&)> dispatch)
      : dispatch_(std::move(dispatch)) {}

  // Inspector I/O thread.
  void Post(std::string message) {
    Mutex::ScopedLock scoped_lock(requests_lock_);
    bool needs_notify = requests_.empty();
    requests_.push_back(std::move(message));
    ++posted_;
    if (needs_notify) incoming_message_cond_.Broadcast(scoped_lock);
  }

  // Main thread.
  bool DispatchMessages() {
    Mutex::ScopedLock scoped_lock(requests_lock_);
    if (dispatching_) return false;
    dispatching_ = true;
    bool had_messages = false;
    while (!requests_.empty()) {
      std::deque<std::string> tasks;
      requests_.swap(tasks);
      had_messages = true;
      {
        Mutex::ScopedUnlock scoped_unlock(scoped_lock);
        for (const std::string& task : tasks) dispatch_(task);
      }
      dispatched_ += tasks.size();
    }
    dispatching_ = false;
    return had_messages;
  }

  // Main thread, when paused on a breakpoint.
  void WaitForFrontendEvent() {
    Mutex::ScopedLock scoped_lock(requests_lock_);
    while (requests_.empty()) incoming_message_cond_.Wait(scoped_lock);
  }

  size_t backlog() {
    Mutex::ScopedLock scoped_lock(requests_lock_);
    return posted_ - dispatched_;
  }

 private:
  const std::function<void(const std::string&)> dispatch_;
  Mutex requests_lock_;
  ConditionVariable incoming_message_cond_;
  std::deque<std::string> requests_;
  bool dispatching_ = false;
  size_t posted_ = 0;
  size_t dispatched_ = 0;
};

}  // namespace inspector
}  // namespace node
