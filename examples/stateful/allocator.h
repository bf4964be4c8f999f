// A handle allocator: Alloc hands out the most recently freed handle, or a
// new one. The planted bug (with `reuse_bug`): Alloc takes a freed handle
// without removing it from the free list, so it hands it out twice.
#ifndef LOCKSTEP_EXAMPLES_STATEFUL_ALLOCATOR_H_
#define LOCKSTEP_EXAMPLES_STATEFUL_ALLOCATOR_H_

#include <vector>

namespace examples {

class Allocator {
 public:
  explicit Allocator(bool reuse_bug) : reuse_bug_(reuse_bug) {}

  int Alloc() {
    if (free_.empty()) return next_++;
    int handle = free_.back();
    if (!reuse_bug_) free_.pop_back();  // BUG (reuse_bug): left in the list
    return handle;
  }
  void Free(int handle) { free_.push_back(handle); }

 private:
  const bool reuse_bug_;
  std::vector<int> free_;
  int next_ = 0;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_STATEFUL_ALLOCATOR_H_
