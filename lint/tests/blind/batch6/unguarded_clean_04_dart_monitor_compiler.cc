// Dart VM-style background compiler: the mutator enqueues functions, one
// background thread compiles them. Everything the two share is touched
// inside a MonitorLocker on queue_monitor_, including the wait loop.
#include <deque>
#include <thread>

#include "mock/dart_lock.h"

namespace dart {

class Function {
 public:
  void CompileOptimized();
};

class BackgroundCompiler {
 public:
  BackgroundCompiler() = default;

  ~BackgroundCompiler() { Stop(); }

  void Start() {
    MonitorLocker ml(&queue_monitor_);
    if (running_) return;
    running_ = true;
    thread_ = std::thread([this] { Run(); });
  }

  void Stop() {
    {
      MonitorLocker ml(&queue_monitor_);
      running_ = false;
      ml.NotifyAll();
    }
    if (thread_.joinable()) thread_.join();
  }

  bool EnqueueCompilation(Function* function) {
    MonitorLocker ml(&queue_monitor_);
    if (!running_) return false;
    queue_.push_back(function);
    ml.Notify();
    return true;
  }

  intptr_t QueueLength() {
    MonitorLocker ml(&queue_monitor_);
    return static_cast<intptr_t>(queue_.size());
  }

 private:
  void Run() {
    for (;;) {
      Function* function = nullptr;
      {
        MonitorLocker ml(&queue_monitor_);
        while (running_ && queue_.empty()) ml.Wait();
        if (!running_) return;
        function = queue_.front();
        queue_.pop_front();
      }
      function->CompileOptimized();
      MonitorLocker ml(&queue_monitor_);
      ++compiled_;
    }
  }

  Monitor queue_monitor_;
  std::deque<Function*> queue_;
  bool running_ = false;
  intptr_t compiled_ = 0;
  std::thread thread_;
};

}  // namespace dart
