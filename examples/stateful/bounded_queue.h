// A bounded FIFO queue in a ring buffer. The planted bug (with `wrap_bug`):
// a push whose slot wraps around to the start of the buffer stores the
// element but does not count it, so the queue loses it.
#ifndef LOCKSTEP_EXAMPLES_STATEFUL_BOUNDED_QUEUE_H_
#define LOCKSTEP_EXAMPLES_STATEFUL_BOUNDED_QUEUE_H_

#include <cstddef>
#include <optional>
#include <vector>

namespace examples {

class BoundedQueue {
 public:
  BoundedQueue(size_t capacity, bool wrap_bug)
      : buffer_(capacity), wrap_bug_(wrap_bug) {}

  // False when the queue is full.
  bool Push(int value) {
    if (size_ == buffer_.size()) return false;
    size_t slot = head_ + size_;
    bool wraps = slot >= buffer_.size();
    if (wraps) slot -= buffer_.size();
    buffer_[slot] = value;
    if (!(wraps && wrap_bug_)) ++size_;  // BUG (wrap_bug): not counted
    return true;
  }
  // The oldest element, or nullopt when the queue is empty.
  std::optional<int> Pop() {
    if (size_ == 0) return std::nullopt;
    int value = buffer_[head_];
    head_ = (head_ + 1) % buffer_.size();
    --size_;
    return value;
  }
  size_t Size() const { return size_; }
  size_t Capacity() const { return buffer_.size(); }

 private:
  std::vector<int> buffer_;
  const bool wrap_bug_;
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_STATEFUL_BOUNDED_QUEUE_H_
