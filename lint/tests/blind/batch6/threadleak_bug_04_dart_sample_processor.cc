// Dart VM-style profiler sample block processor: Startup() starts a thread
// that periodically processes completed sample blocks. Cleanup() asks it to
// stop but never joins it, and the destructor does not either, so destroying
// the processor destroys a joinable std::thread.
#include <cstdint>
#include <thread>

#include "mock/dart_lock.h"

namespace dart {

class SampleBlockBuffer {
 public:
  void ProcessCompletedBlocks();
};

class SampleBlockProcessor {
 public:
  explicit SampleBlockProcessor(SampleBlockBuffer* buffer) : buffer_(buffer) {}

  void Startup() {
    MonitorLocker ml(&monitor_);
    if (started_) return;
    started_ = true;
    shutdown_ = false;
    thread_ = std::thread([this] { ThreadMain(); });
  }

  void Cleanup() {
    MonitorLocker ml(&monitor_);
    shutdown_ = true;
    ml.Notify();
  }

  intptr_t processed() {
    MonitorLocker ml(&monitor_);
    return processed_;
  }

 private:
  void ThreadMain() {
    MonitorLocker ml(&monitor_);
    while (!shutdown_) {
      ml.Wait(100);  // Wake up every 100ms even if nobody notifies.
      if (shutdown_) break;
      buffer_->ProcessCompletedBlocks();
      ++processed_;
    }
  }

  SampleBlockBuffer* const buffer_;
  Monitor monitor_;
  bool started_ = false;
  bool shutdown_ = false;
  intptr_t processed_ = 0;
  std::thread thread_;  // EXPECT: concurrency-thread-leak
};

}  // namespace dart
