// Per-heap allocation statistics for the code cache, in the style of
// HotSpot's codeHeapState. The allocation and free paths update the counters
// under the heap's own lock; the printer runs on the VM thread for
// `jcmd Compiler.CodeHeap_Analytics` while compiler threads keep allocating.
#include <stddef.h>
#include <stdio.h>

#include "mock/hotspot_mutex.h"

class outputStream {
 public:
  virtual ~outputStream() = default;
  virtual void print_cr(const char* format, ...) = 0;
};

class CodeHeapStats {
 public:
  explicit CodeHeapStats(const char* heap_name)
      : _lock(Mutex::nosafepoint, "CodeHeapStats_lock"),
        _heap_name(heap_name),
        _used_bytes(0),
        _peak_bytes(0),
        _alloc_count(0),
        _free_count(0) {}

  void record_allocation(size_t size) {
    MutexLocker ml(&_lock);
    _used_bytes += size;
    _alloc_count++;
    if (_used_bytes > _peak_bytes) {
      _peak_bytes = _used_bytes;
    }
  }

  void record_free(size_t size) {
    MutexLocker ml(&_lock);
    guarantee(_used_bytes >= size, "freeing more than was allocated");
    _used_bytes -= size;
    _free_count++;
  }

  // Starts a new observation interval (after a full sweep).
  void reset_interval() {
    MutexLocker ml(&_lock);
    _peak_bytes = _used_bytes;
    _alloc_count = 0;
    _free_count = 0;
  }

  size_t used_bytes() {
    MutexLocker ml(&_lock);
    return _used_bytes;
  }

  void print_on(outputStream* st) {
    const size_t used = used_bytes();
    st->print_cr("%s: used %zu bytes", _heap_name, used);
    st->print_cr("  peak %zu bytes in this interval", _peak_bytes);  // EXPECT: concurrency-unguarded-field
    st->print_cr("  %u allocations, %u frees", _alloc_count, _free_count);  // EXPECT: concurrency-unguarded-field
  }

 private:
  Mutex _lock;
  const char* const _heap_name;
  size_t _used_bytes;
  size_t _peak_bytes;
  unsigned int _alloc_count;
  unsigned int _free_count;
};

CodeHeapStats* profiled_heap_stats() {
  static CodeHeapStats* stats = new CodeHeapStats("CodeHeap 'profiled nmethods'");
  return stats;
}
