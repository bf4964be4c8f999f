// An Envoy-style listener manager: listeners are added and drained by the
// main thread while worker threads look them up for new connections. The
// drain path uses the lock's lock()/unlock() directly because it calls out
// to the listeners in the middle.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "envoy/common/logger.h"
#include "envoy/thread/lock_guard.h"
#include "envoy/thread/thread.h"

namespace Envoy {
namespace Server {

enum class ListenerState { Active, Draining, Stopped };

class Listener {
 public:
  explicit Listener(std::string name) : name_(std::move(name)) {}
  virtual ~Listener() = default;
  const std::string& name() const { return name_; }
  virtual void startDrain() {}
  virtual bool drained() const { return true; }

 private:
  const std::string name_;
};
using ListenerPtr = std::shared_ptr<Listener>;

class ListenerManager {
 public:
  bool addListener(ListenerPtr listener) {
    Thread::LockGuard lock(mutex_);
    auto inserted = listeners_.emplace(listener->name(), Entry{listener, ListenerState::Active});
    return inserted.second;
  }

  ListenerPtr find(const std::string& name) {
    Thread::LockGuard lock(mutex_);
    auto it = listeners_.find(name);
    if (it == listeners_.end() || it->second.state != ListenerState::Active) return nullptr;
    return it->second.listener;
  }

  // Main thread: move a listener to draining and tell it so.
  bool drainListener(const std::string& name) {
    mutex_.lock();
    auto it = listeners_.find(name);
    if (it == listeners_.end()) {
      mutex_.unlock();
      ENVOY_LOG(warn, "drain of unknown listener {}", name);
      return false;
    }
    if (it->second.state != ListenerState::Active) {
      mutex_.unlock();
      ENVOY_LOG(debug, "listener {} already draining", name);
    } else {
      it->second.state = ListenerState::Draining;
      ++draining_count_;
    }
    ListenerPtr listener = it->second.listener;  // EXPECT: concurrency-lock-balance
    mutex_.unlock();  // EXPECT: concurrency-lock-balance
    listener->startDrain();
    return true;
  }

  // Main thread, from the drain timer.
  size_t removeDrained() {
    std::vector<ListenerPtr> removed;
    {
      Thread::LockGuard lock(mutex_);
      for (auto it = listeners_.begin(); it != listeners_.end();) {
        if (it->second.state == ListenerState::Draining && it->second.listener->drained()) {
          removed.push_back(it->second.listener);
          it = listeners_.erase(it);
          --draining_count_;
        } else {
          ++it;
        }
      }
    }
    for (const ListenerPtr& l : removed) ENVOY_LOG(info, "removed listener {}", l->name());
    return removed.size();
  }

  uint64_t drainingCount() {
    Thread::LockGuard lock(mutex_);
    return draining_count_;
  }

 private:
  struct Entry {
    ListenerPtr listener;
    ListenerState state;
  };

  Thread::MutexBasicLockable mutex_;
  std::map<std::string, Entry> listeners_ ABSL_GUARDED_BY(mutex_);
  uint64_t draining_count_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace Server
}  // namespace Envoy
