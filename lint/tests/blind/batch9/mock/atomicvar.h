// Redis style atomic helpers (stand-in for src/atomicvar.h, C11-atomics flavour).
#ifndef __ATOMIC_VAR_H
#define __ATOMIC_VAR_H

#include <atomic>

#define redisAtomic std::atomic

#define atomicIncr(var, count) (var).fetch_add((count), std::memory_order_relaxed)
#define atomicGetIncr(var, oldvalue_var, count) \
  do {                                          \
    oldvalue_var = (var).fetch_add((count), std::memory_order_relaxed); \
  } while (0)
#define atomicDecr(var, count) (var).fetch_sub((count), std::memory_order_relaxed)
#define atomicGet(var, dstvar) \
  do {                         \
    dstvar = (var).load(std::memory_order_relaxed); \
  } while (0)
#define atomicSet(var, value) (var).store((value), std::memory_order_relaxed)
#define atomicGetWithSync(var, dstvar) \
  do {                                 \
    dstvar = (var).load(std::memory_order_seq_cst); \
  } while (0)
#define atomicSetWithSync(var, value) (var).store((value), std::memory_order_seq_cst)

#endif  // __ATOMIC_VAR_H
