// A compile queue in the style of HotSpot's CompileQueue. Purging stale tasks
// frees them, and freeing can take locks ranked below the queue's, so the
// purge drops the queue lock for that part with a MutexUnlocker.
#include <stddef.h>
#include <stdint.h>

#include "mock/hotspot_mutex.h"

class CompileTask {
 public:
  explicit CompileTask(int method_id) : _method_id(method_id), _unloaded(false), _next(nullptr) {}

  int method_id() const { return _method_id; }
  bool is_unloaded() const { return _unloaded; }
  void mark_unloaded() { _unloaded = true; }
  CompileTask* next() const { return _next; }
  void set_next(CompileTask* next) { _next = next; }

  static void free(CompileTask* task) { delete task; }

 private:
  const int _method_id;
  bool _unloaded;
  CompileTask* _next;
};

class CompileQueue {
 public:
  CompileQueue()
      : _lock(Mutex::safepoint, "MethodCompileQueue_lock"),
        _first(nullptr), _last(nullptr), _size(0), _total_added(0), _total_purged(0) {}

  void add(CompileTask* task) {
    MonitorLocker ml(&_lock);
    append(task);
    _total_added++;
    ml.notify_all();
  }

  // Blocks the calling compiler thread until a task is available.
  CompileTask* get() {
    MonitorLocker ml(&_lock);
    while (_first == nullptr) {
      ml.wait();
    }
    CompileTask* task = _first;
    _first = task->next();
    if (_first == nullptr) {
      _last = nullptr;
    }
    _size--;
    return task;
  }

  void purge_stale_tasks() {
    MonitorLocker ml(&_lock);
    CompileTask* head = _first;
    _first = _last = nullptr;
    _size = 0;
    CompileTask* survivors = nullptr;
    {
      MutexUnlocker mu(&_lock);
      while (head != nullptr) {
        CompileTask* next = head->next();
        if (head->is_unloaded()) {
          CompileTask::free(head);
          _total_purged++;  // EXPECT: concurrency-unguarded-field
        } else {
          head->set_next(survivors);
          survivors = head;
        }
        head = next;
      }
    }
    while (survivors != nullptr) {
      CompileTask* next = survivors->next();
      append(survivors);
      survivors = next;
    }
  }

  void reset_statistics() {
    MonitorLocker ml(&_lock);
    _total_added = 0;
    _total_purged = 0;
  }

  uint64_t total_purged() {
    MonitorLocker ml(&_lock);
    return _total_purged;
  }

 private:
  // Caller must hold _lock.
  void append(CompileTask* task) {
    assert_lock_strong(&_lock);
    task->set_next(nullptr);
    if (_last == nullptr) {
      _first = task;
    } else {
      _last->set_next(task);
    }
    _last = task;
    _size++;
  }

  Monitor _lock;
  CompileTask* _first;
  CompileTask* _last;
  int _size;
  uint64_t _total_added;
  uint64_t _total_purged;
};
