// Dart VM-style message handler: ports post messages from any thread, a
// thread-pool task drains the queue. A drain hook records when the isolate
// went idle so that the idle-time GC can be scheduled.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>

#include "mock/dart_lock.h"

namespace dart {

int64_t GetCurrentMonotonicMicros();

struct Message {
  int64_t dest_port;
  bool is_oob;
};

class MessageHandler {
 public:
  MessageHandler() : mutex_("MessageHandler::mutex_") {}

  void Run(ThreadPool* pool) {
    MutexLocker ml(&mutex_);
    pool_ = pool;
    EnableIdleTracking();
    ScheduleTaskLocked();
  }

  void PostMessage(std::unique_ptr<Message> message) {
    MutexLocker ml(&mutex_);
    (message->is_oob ? oob_queue_ : queue_).push_back(std::move(message));
    idle_start_time_ = 0;  // Busy again.
    if (pool_ != nullptr && !task_running_) ScheduleTaskLocked();
  }

  int64_t IdleTimeMicros(int64_t now) {
    MutexLocker ml(&mutex_);
    return idle_start_time_ == 0 ? 0 : now - idle_start_time_;
  }

  void TaskCallback() {
    std::function<void()> drained;
    {
      MutexLocker ml(&mutex_);
      while (!oob_queue_.empty() || !queue_.empty()) {
        auto& q = oob_queue_.empty() ? queue_ : oob_queue_;
        std::unique_ptr<Message> msg = std::move(q.front());
        q.pop_front();
        HandleMessageLocked(*msg);
      }
      task_running_ = false;
      drained = on_queue_drained_;
    }
    if (drained) drained();
  }

 private:
  class MessageHandlerTask : public ThreadPool::Task {
   public:
    explicit MessageHandlerTask(MessageHandler* handler) : handler_(handler) {}
    void Run() override { handler_->TaskCallback(); }

   private:
    MessageHandler* handler_;
  };

  void EnableIdleTracking() {
    // Invoked on the pool thread that found the queue empty.
    on_queue_drained_ = [this] {
      idle_start_time_ = GetCurrentMonotonicMicros();  // EXPECT: concurrency-unguarded-field
    };
  }

  void ScheduleTaskLocked() {
    task_running_ = true;
    pool_->Run(new MessageHandlerTask(this));
  }

  void HandleMessageLocked(const Message& msg) { handled_ports_ ^= msg.dest_port; }

  Mutex mutex_;
  ThreadPool* pool_ = nullptr;
  bool task_running_ = false;
  std::deque<std::unique_ptr<Message>> queue_;
  std::deque<std::unique_ptr<Message>> oob_queue_;
  std::function<void()> on_queue_drained_;
  int64_t idle_start_time_ = 0;
  int64_t handled_ports_ = 0;
};

}  // namespace dart
