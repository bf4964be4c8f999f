// A timer manager in the style of Apache Thrift's
// concurrency/TimerManager.cpp: tasks are kept in a multimap ordered by
// deadline and a dispatcher thread (started elsewhere) waits on monitor_.

#include <cstdint>
#include <map>
#include <memory>

#include "mock/thrift_concurrency.h"

namespace apache {
namespace thrift {
namespace concurrency {

class Runnable {
public:
  virtual ~Runnable() = default;
  virtual void run() = 0;
};

class IllegalStateException : public TException {
public:
  IllegalStateException() : TException("IllegalStateException") {}
};

int64_t currentTimeMs();

class TimerManagerLite {
public:
  enum STATE { UNINITIALIZED, STARTING, STARTED, STOPPING, STOPPED };

  void start() {
    Synchronized s(monitor_);
    if (state_ != UNINITIALIZED) {
      throw IllegalStateException();
    }
    state_ = STARTED;
    monitor_.notifyAll();
  }

  void add(std::shared_ptr<Runnable> task, int64_t timeoutMs) {
    const int64_t now = currentTimeMs();
    const int64_t deadline = now + timeoutMs;
    Synchronized s(monitor_);
    if (state_ != STARTED) {
      throw IllegalStateException();
    }
    // If the task map is empty, or the new task expires before the current
    // earliest one, the dispatcher has to wake up and recompute its wait.
    const bool notifyRequired = (taskCount_ == 0) ? true : deadline < taskMap_.begin()->first;
    taskMap_.emplace(deadline, std::move(task));
    taskCount_++;
    if (notifyRequired) {
      monitor_.notify();
    }
  }

  void stop() {
    bool doStop = false;
    {
      Synchronized s(monitor_);
      if (state_ == STARTED) {
        state_ = STOPPING;
        doStop = true;
        monitor_.notifyAll();
      }
    }
    if (doStop) {
      // Tasks that never ran are dropped.
      taskMap_.clear(); // EXPECT: concurrency-unguarded-field
      Synchronized s(monitor_);
      taskCount_ = 0;
      state_ = STOPPED;
    }
  }

  size_t taskCount() const { return taskCount_; } // EXPECT: concurrency-unguarded-field

  STATE state() const {
    Synchronized s(monitor_);
    return state_;
  }

private:
  Monitor monitor_;
  std::multimap<int64_t, std::shared_ptr<Runnable>> taskMap_;
  size_t taskCount_ = 0;
  STATE state_ = UNINITIALIZED;
};

} // namespace concurrency
} // namespace thrift
} // namespace apache
