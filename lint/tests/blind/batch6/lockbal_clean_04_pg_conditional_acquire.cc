// PostgreSQL-style free space map vacuum: each partition lock is released
// before the next iteration, and the opportunistic summary update checks
// LWLockConditionalAcquire's result before touching shared state.
#include "mock/pg_lwlock.h"

#define FSM_PARTITIONS 32

typedef struct FSMPartition {
  LWLock lock;
  uint32 free_pages PG_GUARDED_BY(lock);
  uint32 total_pages PG_GUARDED_BY(lock);
} FSMPartition;

typedef struct FSMSummary {
  LWLock lock;
  uint64 free_pages PG_GUARDED_BY(lock);
  TimestampTz updated_at PG_GUARDED_BY(lock);
} FSMSummary;

static FSMPartition* FSMPartitions;
static FSMSummary* FreeSpaceSummary;

uint64 FreeSpaceMapVacuum(uint32 min_free) {
  uint64 total = 0;
  for (int i = 0; i < FSM_PARTITIONS; i++) {
    FSMPartition* part = &FSMPartitions[i];
    LWLockAcquire(&part->lock, LW_EXCLUSIVE);
    if (part->free_pages < min_free) {
      LWLockRelease(&part->lock);
      continue;
    }
    total += part->free_pages;
    part->total_pages = part->total_pages > part->free_pages ? part->total_pages : part->free_pages;
    LWLockRelease(&part->lock);
  }

  if (LWLockConditionalAcquire(&FreeSpaceSummary->lock, LW_EXCLUSIVE)) {
    FreeSpaceSummary->free_pages = total;
    FreeSpaceSummary->updated_at = GetCurrentTimestamp();
    LWLockRelease(&FreeSpaceSummary->lock);
  } else {
    elog(LOG, "free space summary busy; skipping update\n");
  }
  return total;
}

uint64 FreeSpaceMapSummaryPages(void) {
  LWLockAcquire(&FreeSpaceSummary->lock, LW_SHARED);
  uint64 pages = FreeSpaceSummary->free_pages;
  LWLockRelease(&FreeSpaceSummary->lock);
  return pages;
}
