// Minimal stand-in for libzmq's src/atomic_counter.hpp.
#pragma once

#include <atomic>
#include <cstdint>

namespace zmq {

class atomic_counter_t {
 public:
  typedef uint32_t integer_t;

  atomic_counter_t (integer_t value_ = 0) : _value (value_) {}

  void set (integer_t value_) { _value.store (value_, std::memory_order_release); }

  // Returns the value before the addition.
  integer_t add (integer_t increment_) {
    return _value.fetch_add (increment_, std::memory_order_acq_rel);
  }

  // Returns false when the counter drops to zero.
  bool sub (integer_t decrement_) {
    const integer_t old = _value.fetch_sub (decrement_, std::memory_order_acq_rel);
    return old - decrement_ != 0;
  }

  integer_t get () const { return _value.load (std::memory_order_acquire); }

 private:
  std::atomic<integer_t> _value;

  atomic_counter_t (const atomic_counter_t &);
  const atomic_counter_t &operator= (const atomic_counter_t &);
};

}  // namespace zmq
