// PostgreSQL-style shared-memory checkpoint statistics: the checkpointer
// updates them with the LWLock held exclusively, backends read a snapshot
// with it held shared and then work on their local copy. The request
// counter is a pg_atomic and needs no lock.
#include <string.h>

#include "mock/pg_lwlock.h"

typedef struct CheckpointerShmemStruct {
  LWLock lock;
  int64 num_timed PG_GUARDED_BY(lock);
  int64 num_requested PG_GUARDED_BY(lock);
  int64 buffers_written PG_GUARDED_BY(lock);
  TimestampTz last_checkpoint_time PG_GUARDED_BY(lock);
  pg_atomic_uint32 ckpt_requests; /* lock-free */
} CheckpointerShmemStruct;

typedef struct CheckpointStatsSnapshot {
  int64 num_timed;
  int64 num_requested;
  int64 buffers_written;
  TimestampTz last_checkpoint_time;
} CheckpointStatsSnapshot;

static CheckpointerShmemStruct* CheckpointerShmem = nullptr;

void CheckpointerShmemInit(void) {
  bool found;
  CheckpointerShmem = static_cast<CheckpointerShmemStruct*>(
      ShmemInitStruct("Checkpointer Data", sizeof(CheckpointerShmemStruct), &found));
  if (!found) {
    LWLockInitialize(&CheckpointerShmem->lock, 0);
    pg_atomic_init_u32(&CheckpointerShmem->ckpt_requests, 0);
  }
}

/* Any backend: CHECKPOINT, or a WAL segment switch. */
void RequestCheckpoint(void) { pg_atomic_fetch_add_u32(&CheckpointerShmem->ckpt_requests, 1); }

/* Checkpointer process, after each checkpoint. */
void CheckpointerReportStats(bool requested, int64 buffers) {
  CheckpointerShmemStruct* shm = CheckpointerShmem;
  LWLockAcquire(&shm->lock, LW_EXCLUSIVE);
  if (requested)
    shm->num_requested++;
  else
    shm->num_timed++;
  shm->buffers_written += buffers;
  shm->last_checkpoint_time = GetCurrentTimestamp();
  LWLockRelease(&shm->lock);
}

/* pg_stat_checkpointer: take a consistent snapshot, then format it. */
static void pgstat_checkpointer_snapshot(CheckpointStatsSnapshot* snap) {
  CheckpointerShmemStruct* shm = CheckpointerShmem;
  LWLockAcquire(&shm->lock, LW_SHARED);
  snap->num_timed = shm->num_timed;
  snap->num_requested = shm->num_requested;
  snap->buffers_written = shm->buffers_written;
  snap->last_checkpoint_time = shm->last_checkpoint_time;
  LWLockRelease(&shm->lock);
}

int64 pg_stat_get_checkpointer_buffers_per_ckpt(void) {
  CheckpointStatsSnapshot snap;
  memset(&snap, 0, sizeof(snap));
  pgstat_checkpointer_snapshot(&snap);
  int64 total = snap.num_timed + snap.num_requested;
  return total == 0 ? 0 : snap.buffers_written / total;
}

uint32 pg_stat_get_checkpointer_pending_requests(void) {
  return pg_atomic_read_u32(&CheckpointerShmem->ckpt_requests);
}
