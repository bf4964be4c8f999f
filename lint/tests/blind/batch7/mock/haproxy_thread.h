/*
 * Stand-in for HAProxy's include/haproxy/thread.h (USE_THREAD build) and the
 * lock labels of thread-t.h. HAProxy is C and is not built with clang's
 * thread-safety analysis: nothing here is annotated. Each lock macro takes a
 * label (for lock debugging) and a pointer to the lock.
 */
#ifndef BATCH7_MOCK_HAPROXY_THREAD_H_
#define BATCH7_MOCK_HAPROXY_THREAD_H_

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 64
#define THREAD_LOCAL __thread

enum lock_label {
	TASK_RQ_LOCK,
	SERVER_LOCK,
	PROXY_LOCK,
	STK_TABLE_LOCK,
	LISTENER_LOCK,
	DNS_LOCK,
	OTHER_LOCK,
	LOCK_LABELS
};

#define __decl_thread(decl) decl

#define HA_SPINLOCK_T pthread_spinlock_t
#define HA_SPIN_INIT(l) pthread_spin_init((l), PTHREAD_PROCESS_PRIVATE)
#define HA_SPIN_DESTROY(l) pthread_spin_destroy(l)
#define HA_SPIN_LOCK(lbl, l) pthread_spin_lock(l)
#define HA_SPIN_TRYLOCK(lbl, l) pthread_spin_trylock(l)
#define HA_SPIN_UNLOCK(lbl, l) pthread_spin_unlock(l)

#define HA_RWLOCK_T pthread_rwlock_t
#define HA_RWLOCK_INIT(l) pthread_rwlock_init((l), NULL)
#define HA_RWLOCK_DESTROY(l) pthread_rwlock_destroy(l)
#define HA_RWLOCK_WRLOCK(lbl, l) pthread_rwlock_wrlock(l)
#define HA_RWLOCK_WRUNLOCK(lbl, l) pthread_rwlock_unlock(l)
#define HA_RWLOCK_RDLOCK(lbl, l) pthread_rwlock_rdlock(l)
#define HA_RWLOCK_RDUNLOCK(lbl, l) pthread_rwlock_unlock(l)

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define HA_ATOMIC_ADD(val, i) __atomic_add_fetch((val), (i), __ATOMIC_SEQ_CST)
#define HA_ATOMIC_SUB(val, i) __atomic_sub_fetch((val), (i), __ATOMIC_SEQ_CST)
#define HA_ATOMIC_LOAD(val) __atomic_load_n((val), __ATOMIC_SEQ_CST)
#define HA_ATOMIC_STORE(val, v) __atomic_store_n((val), (v), __ATOMIC_SEQ_CST)

extern THREAD_LOCAL unsigned int tid;

#endif /* BATCH7_MOCK_HAPROXY_THREAD_H_ */
