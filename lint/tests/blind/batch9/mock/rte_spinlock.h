// DPDK style rte_spinlock_t (stand-in for rte_spinlock.h; inline like the real header).
#ifndef _RTE_SPINLOCK_H_
#define _RTE_SPINLOCK_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline void rte_pause(void) { __builtin_ia32_pause(); }

// The rte_spinlock_t type.
typedef struct {
  volatile int locked;  // lock status 0 = unlocked, 1 = locked
} rte_spinlock_t;

#define RTE_SPINLOCK_INITIALIZER \
  { 0 }

static inline void rte_spinlock_init(rte_spinlock_t* sl) { sl->locked = 0; }

static inline void rte_spinlock_lock(rte_spinlock_t* sl) {
  int exp = 0;
  while (!__atomic_compare_exchange_n(&sl->locked, &exp, 1, 0, __ATOMIC_ACQUIRE,
                                      __ATOMIC_RELAXED)) {
    while (__atomic_load_n(&sl->locked, __ATOMIC_RELAXED)) rte_pause();
    exp = 0;
  }
}

static inline void rte_spinlock_unlock(rte_spinlock_t* sl) {
  __atomic_store_n(&sl->locked, 0, __ATOMIC_RELEASE);
}

static inline int rte_spinlock_trylock(rte_spinlock_t* sl) {
  int exp = 0;
  return __atomic_compare_exchange_n(&sl->locked, &exp, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline int rte_spinlock_is_locked(rte_spinlock_t* sl) {
  return __atomic_load_n(&sl->locked, __ATOMIC_ACQUIRE);
}

#define RTE_MAX_LCORE 128
unsigned rte_lcore_id(void);
uint64_t rte_get_timer_cycles(void);

#ifdef __cplusplus
}
#endif

#endif  // _RTE_SPINLOCK_H_
