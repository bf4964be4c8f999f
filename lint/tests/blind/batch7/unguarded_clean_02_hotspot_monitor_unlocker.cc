// A concurrent refinement service thread's control block in the style of
// HotSpot's G1 ConcurrentRefineThread: mutators hand over card counts and
// wake the thread; the thread drops the monitor while it refines.

#include <stddef.h>

#include "mock/hotspot_mutex.h"

size_t refine_cards(size_t cards);

class RefineControl {
 public:
  RefineControl()
      : _monitor(Monitor::nosafepoint, "G1Refine_lock"),
        _requested(false), _should_terminate(false), _pending_cards(0), _processed(0) {}

  // Mutator side.
  void enqueue_cards(size_t cards) {
    MonitorLocker ml(&_monitor);
    _pending_cards += cards;
    if (!_requested) {
      _requested = true;
      ml.notify();
    }
  }

  void stop() {
    MonitorLocker ml(&_monitor);
    _should_terminate = true;
    ml.notify_all();
  }

  size_t processed() {
    MonitorLocker ml(&_monitor);
    return _processed;
  }

  // Body of the refinement thread.
  void run_service() {
    MonitorLocker ml(&_monitor);
    while (!_should_terminate) {
      while (!_requested && !_should_terminate) {
        ml.wait();
      }
      if (_should_terminate) {
        break;
      }
      _requested = false;
      const size_t batch = _pending_cards;
      _pending_cards = 0;
      size_t refined;
      {
        MutexUnlocker mu(&_monitor);
        refined = refine_cards(batch);
      }
      _processed += refined;
    }
  }

 private:
  Monitor _monitor;
  bool _requested;
  bool _should_terminate;
  size_t _pending_cards;
  size_t _processed;
};
