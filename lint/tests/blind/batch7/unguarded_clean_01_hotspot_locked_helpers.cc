// A free region list in the style of HotSpot's G1 FreeRegionList, shared by
// the allocating mutator threads and the concurrent cleanup. Public entry
// points take the list's lock; the *_locked helpers assert that their caller
// holds it.

#include <stddef.h>

#include "mock/hotspot_mutex.h"

class HeapRegion {
 public:
  explicit HeapRegion(unsigned index) : _index(index), _next(nullptr), _prev(nullptr) {}
  unsigned hrm_index() const { return _index; }
  HeapRegion* next() const { return _next; }
  HeapRegion* prev() const { return _prev; }
  void set_next(HeapRegion* next) { _next = next; }
  void set_prev(HeapRegion* prev) { _prev = prev; }

 private:
  const unsigned _index;
  HeapRegion* _next;
  HeapRegion* _prev;
};

class FreeRegionList {
 public:
  explicit FreeRegionList(const char* name)
      : _lock(Mutex::service, "FreeRegionList_lock"), _name(name),
        _head(nullptr), _tail(nullptr), _length(0) {}

  void add_ordered(HeapRegion* hr) {
    MutexLocker ml(&_lock);
    add_ordered_locked(hr);
  }

  HeapRegion* remove_region(bool from_head) {
    MutexLocker ml(&_lock);
    if (_head == nullptr) {
      return nullptr;
    }
    HeapRegion* hr = from_head ? _head : _tail;
    unlink_locked(hr);
    return hr;
  }

  size_t length() {
    MutexLocker ml(&_lock);
    return _length;
  }

  const char* name() const { return _name; }

 private:
  void add_ordered_locked(HeapRegion* hr) {
    assert_lock_strong(&_lock);
    HeapRegion* curr = _head;
    while (curr != nullptr && curr->hrm_index() < hr->hrm_index()) {
      curr = curr->next();
    }
    hr->set_next(curr);
    if (curr == nullptr) {
      hr->set_prev(_tail);
      if (_tail != nullptr) _tail->set_next(hr); else _head = hr;
      _tail = hr;
    } else {
      hr->set_prev(curr->prev());
      if (curr->prev() != nullptr) curr->prev()->set_next(hr); else _head = hr;
      curr->set_prev(hr);
    }
    _length++;
  }

  void unlink_locked(HeapRegion* hr) {
    assert_lock_strong(&_lock);
    if (hr->prev() != nullptr) hr->prev()->set_next(hr->next()); else _head = hr->next();
    if (hr->next() != nullptr) hr->next()->set_prev(hr->prev()); else _tail = hr->prev();
    hr->set_next(nullptr);
    hr->set_prev(nullptr);
    _length--;
  }

  Mutex _lock;
  const char* const _name;
  HeapRegion* _head;
  HeapRegion* _tail;
  size_t _length;
};
