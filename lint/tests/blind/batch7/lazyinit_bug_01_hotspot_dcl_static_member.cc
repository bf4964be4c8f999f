// Class loader statistics table, in the style of HotSpot's
// classLoaderStats: created on first use by whichever thread asks first (a
// jcmd handler, a JFR periodic event). The lock is the global
// ClassLoaderStats_lock created in mutex_init().

#include <stddef.h>

#include "mock/hotspot_mutex.h"

Mutex* ClassLoaderStats_lock = nullptr;

void mutex_init() {
  ClassLoaderStats_lock = new Mutex(Mutex::safepoint, "ClassLoaderStats_lock");
}

class ClassLoaderStatsTable {
 public:
  static ClassLoaderStatsTable* table() {
    if (_the_table == nullptr) {  // EXPECT: concurrency-lazy-init-race
      MutexLocker ml(ClassLoaderStats_lock);
      if (_the_table == nullptr) {
        _the_table = new ClassLoaderStatsTable();
      }
    }
    return _the_table;
  }

  void add_loader(size_t classes, size_t chunk_bytes) {
    MutexLocker ml(ClassLoaderStats_lock);
    _loaders++;
    _classes += classes;
    _chunk_bytes += chunk_bytes;
  }

  size_t total_classes() {
    MutexLocker ml(ClassLoaderStats_lock);
    return _classes;
  }

 private:
  ClassLoaderStatsTable() : _loaders(0), _classes(0), _chunk_bytes(0) {}

  static ClassLoaderStatsTable* _the_table;

  size_t _loaders;
  size_t _classes;
  size_t _chunk_bytes;
};

ClassLoaderStatsTable* ClassLoaderStatsTable::_the_table = nullptr;
