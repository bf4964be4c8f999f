// PostgreSQL-style buffer mapping partitions. FlushRelationBuffers() walks
// the partitions taking each partition lock, but only releases it when the
// partition had no dirty buffers; and the opportunistic stats refresh uses
// LWLockConditionalAcquire without looking at its result.
#include "mock/pg_lwlock.h"

#define NUM_BUFFER_PARTITIONS 128

typedef struct BufferPartition {
  LWLock lock;
  int ndirty PG_GUARDED_BY(lock);
  int nbuffers PG_GUARDED_BY(lock);
  Oid relids[16] PG_GUARDED_BY(lock);
} BufferPartition;

typedef struct BufferStats {
  LWLock lock;
  int64 dirty_total PG_GUARDED_BY(lock);
} BufferStats;

static BufferPartition* BufferPartitions;
static BufferStats* SharedBufferStats;

extern void FlushPartitionBuffers(BufferPartition* part, Oid relid) PG_REQUIRES(part->lock);

void FlushRelationBuffers(Oid relid) {
  for (int i = 0; i < NUM_BUFFER_PARTITIONS; i++) {  // EXPECT: concurrency-lock-balance
    BufferPartition* part = &BufferPartitions[i];
    LWLockAcquire(&part->lock, LW_EXCLUSIVE);
    if (part->ndirty == 0) {
      LWLockRelease(&part->lock);
      continue;
    }
    FlushPartitionBuffers(part, relid);
    part->ndirty = 0;
  }
}

/* Called by the background writer between rounds; skipping a round is fine. */
void RefreshBufferStats(void) {
  int64 total = 0;
  for (int i = 0; i < NUM_BUFFER_PARTITIONS; i++) {
    BufferPartition* part = &BufferPartitions[i];
    LWLockAcquire(&part->lock, LW_SHARED);
    total += part->ndirty;
    LWLockRelease(&part->lock);
  }
  LWLockConditionalAcquire(&SharedBufferStats->lock, LW_EXCLUSIVE);
  SharedBufferStats->dirty_total = total;  // EXPECT: concurrency-unguarded-field
  LWLockRelease(&SharedBufferStats->lock);  // EXPECT: concurrency-lock-balance
}

int64 GetDirtyBufferCount(void) {
  LWLockAcquire(&SharedBufferStats->lock, LW_SHARED);
  int64 result = SharedBufferStats->dirty_total;
  LWLockRelease(&SharedBufferStats->lock);
  return result;
}
