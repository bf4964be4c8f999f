// Minimal stand-ins for PostgreSQL's shared-memory locking API
// (storage/lwlock.h, storage/spin.h). LWLock's functions live in lwlock.c,
// so only their declarations are visible here, as in the real headers.
#pragma once

#include <pthread.h>
#include <cstddef>
#include <cstdint>

typedef uint64_t XLogRecPtr;
typedef int64_t TimestampTz;
typedef size_t Size;
typedef uint32_t uint32;
typedef int32_t int32;
typedef uint64_t uint64;

#define InvalidXLogRecPtr 0

typedef enum LWLockMode { LW_EXCLUSIVE, LW_SHARED, LW_WAIT_UNTIL_FREE } LWLockMode;

typedef struct LWLock {
  uint16_t tranche;
  uint32_t state;
} LWLock;

extern "C" {
bool LWLockAcquire(LWLock* lock, LWLockMode mode);
bool LWLockConditionalAcquire(LWLock* lock, LWLockMode mode);
void LWLockRelease(LWLock* lock);
bool LWLockHeldByMe(LWLock* lock);
void LWLockInitialize(LWLock* lock, int tranche_id);
TimestampTz GetCurrentTimestamp(void);
void elog_log(const char* fmt, ...);
}

typedef pthread_spinlock_t slock_t;

static inline void SpinLockInit(volatile slock_t* lock) {
  pthread_spin_init(const_cast<slock_t*>(lock), PTHREAD_PROCESS_SHARED);
}
static inline void SpinLockAcquire(volatile slock_t* lock) {
  pthread_spin_lock(const_cast<slock_t*>(lock));
}
static inline void SpinLockRelease(volatile slock_t* lock) {
  pthread_spin_unlock(const_cast<slock_t*>(lock));
}
