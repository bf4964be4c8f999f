// Stand-in for PostgreSQL's storage/lwlock.h (and a little of c.h and
// port/atomics.h). This copy is annotated for clang's thread-safety analysis
// (an LWLock is a capability; LWLockAcquire acquires it, whatever the mode;
// LWLockConditionalAcquire is a try-acquire). Built on pthreads.
#pragma once

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <atomic>

#define PG_TS_ATTR(x) __attribute__((x))
#define PG_CAPABILITY(x) PG_TS_ATTR(capability(x))
#define PG_GUARDED_BY(x) PG_TS_ATTR(guarded_by(x))
#define PG_PT_GUARDED_BY(x) PG_TS_ATTR(pt_guarded_by(x))
#define PG_REQUIRES(...) PG_TS_ATTR(requires_capability(__VA_ARGS__))
#define PG_ACQUIRE(...) PG_TS_ATTR(acquire_capability(__VA_ARGS__))
#define PG_RELEASE(...) PG_TS_ATTR(release_capability(__VA_ARGS__))
#define PG_TRY_ACQUIRE(...) PG_TS_ATTR(try_acquire_capability(__VA_ARGS__))
#define PG_NO_THREAD_SAFETY_ANALYSIS PG_TS_ATTR(no_thread_safety_analysis)

typedef int64_t int64;
typedef int32_t int32;
typedef uint32_t uint32;
typedef uint64_t uint64;
typedef uint16_t uint16;
typedef uint32_t Oid;
typedef size_t Size;
typedef unsigned int TransactionId;
typedef int64_t TimestampTz;

#define Assert(condition) ((void)(condition))
#define InvalidOid ((Oid)0)
#define ERROR 21
#define LOG 15
#define elog(level, ...) (fprintf(stderr, __VA_ARGS__), ((level) >= ERROR ? abort() : (void)0))

typedef enum LWLockMode { LW_EXCLUSIVE, LW_SHARED } LWLockMode;

typedef struct PG_CAPABILITY("lwlock") LWLock {
  uint16 tranche;
  pthread_rwlock_t rw;
} LWLock;

static inline void LWLockInitialize(LWLock* lock, int tranche_id) {
  lock->tranche = static_cast<uint16>(tranche_id);
  pthread_rwlock_init(&lock->rw, nullptr);
}

static inline bool LWLockAcquire(LWLock* lock, LWLockMode mode) PG_ACQUIRE(lock)
    PG_NO_THREAD_SAFETY_ANALYSIS {
  if (mode == LW_SHARED)
    pthread_rwlock_rdlock(&lock->rw);
  else
    pthread_rwlock_wrlock(&lock->rw);
  return true;
}

static inline bool LWLockConditionalAcquire(LWLock* lock, LWLockMode mode)
    PG_TRY_ACQUIRE(true, lock) PG_NO_THREAD_SAFETY_ANALYSIS {
  if (mode == LW_SHARED) return pthread_rwlock_tryrdlock(&lock->rw) == 0;
  return pthread_rwlock_trywrlock(&lock->rw) == 0;
}

static inline void LWLockRelease(LWLock* lock) PG_RELEASE(lock) PG_NO_THREAD_SAFETY_ANALYSIS {
  pthread_rwlock_unlock(&lock->rw);
}

static inline bool LWLockHeldByMe(LWLock* /*lock*/) { return true; }
static inline bool LWLockHeldByMeInMode(LWLock* /*lock*/, LWLockMode /*mode*/) { return true; }

typedef struct pg_atomic_uint32 {
  std::atomic<uint32> value;
} pg_atomic_uint32;
typedef struct pg_atomic_uint64 {
  std::atomic<uint64> value;
} pg_atomic_uint64;

static inline void pg_atomic_init_u32(pg_atomic_uint32* ptr, uint32 val) { ptr->value.store(val); }
static inline uint32 pg_atomic_read_u32(pg_atomic_uint32* ptr) { return ptr->value.load(); }
static inline void pg_atomic_write_u32(pg_atomic_uint32* ptr, uint32 val) { ptr->value.store(val); }
static inline uint32 pg_atomic_fetch_add_u32(pg_atomic_uint32* ptr, int32 add) {
  return ptr->value.fetch_add(static_cast<uint32>(add));
}
static inline uint64 pg_atomic_read_u64(pg_atomic_uint64* ptr) { return ptr->value.load(); }
static inline uint64 pg_atomic_fetch_add_u64(pg_atomic_uint64* ptr, int64 add) {
  return ptr->value.fetch_add(static_cast<uint64>(add));
}

extern void* ShmemInitStruct(const char* name, Size size, bool* foundPtr);
extern TimestampTz GetCurrentTimestamp(void);
