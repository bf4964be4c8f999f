// PostgreSQL-style parallel tuplesort for an index build (threaded
// backend): the leader starts a helper that sorts the second half of the
// runs while it sorts the first. When a run turns out to be corrupt the
// leader reports it and returns at once, leaving the helper joinable.
#include <string.h>

#include <thread>
#include <vector>

#include "mock/pg_lwlock.h"

typedef struct SortRun {
  int64 ntuples;
  bool corrupt;
} SortRun;

typedef struct BTShared {
  LWLock mutex;
  int64 reltuples PG_GUARDED_BY(mutex);
  int nparticipantsdone PG_GUARDED_BY(mutex);
} BTShared;

static void sort_runs(BTShared* btshared, std::vector<SortRun>* runs, size_t from, size_t to) {
  int64 tuples = 0;
  for (size_t i = from; i < to; i++) tuples += (*runs)[i].ntuples;
  LWLockAcquire(&btshared->mutex, LW_EXCLUSIVE);
  btshared->reltuples += tuples;
  btshared->nparticipantsdone++;
  LWLockRelease(&btshared->mutex);
}

bool _bt_parallel_sort(BTShared* btshared, std::vector<SortRun>* runs) {
  size_t half = runs->size() / 2;
  std::thread helper(sort_runs, btshared, runs, half, runs->size());  // EXPECT: concurrency-thread-leak

  for (size_t i = 0; i < half; i++) {
    if ((*runs)[i].corrupt) {
      elog(LOG, "corrupt sort run %zu in parallel index build\n", i);
      return false;
    }
  }
  sort_runs(btshared, runs, 0, half);
  helper.join();

  LWLockAcquire(&btshared->mutex, LW_SHARED);
  bool done = btshared->nparticipantsdone == 2;
  LWLockRelease(&btshared->mutex);
  return done;
}

int64 _bt_build_tuples(BTShared* btshared) {
  std::vector<SortRun> runs(16);
  for (size_t i = 0; i < runs.size(); i++) {
    runs[i].ntuples = static_cast<int64>(i * 100);
    runs[i].corrupt = false;
  }
  if (!_bt_parallel_sort(btshared, &runs)) return -1;
  LWLockAcquire(&btshared->mutex, LW_SHARED);
  int64 result = btshared->reltuples;
  LWLockRelease(&btshared->mutex);
  return result;
}
