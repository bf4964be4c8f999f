/*
** Page-cache group accounting in the style of SQLite's pcache1.c: every
** cache of a group adjusts the group's limits under the group mutex, and
** the purge check reads them under the same mutex.
*/
#include "mock/sqlite_mutex.h"

typedef struct PGroup PGroup;
struct PGroup {
  struct sqlite3_mutex *mutex;  /* MUTEX_STATIC_LRU or NULL */
  unsigned int nMaxPage;        /* Sum of nMax for purgeable caches */
  unsigned int nMinPage;        /* Sum of nMin for purgeable caches */
  unsigned int mxPinned;        /* nMaxpage + 10 - nMinPage */
  unsigned int nPurgeable;      /* Number of purgeable pages allocated */
};

#define pcache1EnterMutex(X) sqlite3_mutex_enter((X)->mutex)
#define pcache1LeaveMutex(X) sqlite3_mutex_leave((X)->mutex)

void pcache1GroupAddCache(PGroup *pGroup, unsigned int nMin, unsigned int nMax){
  pcache1EnterMutex(pGroup);
  pGroup->nMinPage += nMin;
  pGroup->nMaxPage += nMax;
  pGroup->mxPinned = pGroup->nMaxPage + 10 - pGroup->nMinPage;
  pcache1LeaveMutex(pGroup);
}

void pcache1GroupRemoveCache(PGroup *pGroup, unsigned int nMin, unsigned int nMax){
  pcache1EnterMutex(pGroup);
  assert( pGroup->nMaxPage >= nMax );
  pGroup->nMaxPage -= nMax;
  assert( pGroup->nMinPage >= nMin );
  pGroup->nMinPage -= nMin;
  pGroup->mxPinned = pGroup->nMaxPage + 10 - pGroup->nMinPage;
  pcache1LeaveMutex(pGroup);
}

int pcache1GroupAllocPage(PGroup *pGroup){
  int rc = SQLITE_OK;
  pcache1EnterMutex(pGroup);
  if( pGroup->nPurgeable >= pGroup->mxPinned ){
    rc = SQLITE_BUSY;
  }else{
    pGroup->nPurgeable++;
  }
  pcache1LeaveMutex(pGroup);
  return rc;
}

/* Opportunistic purge from the checkpointer: skip when the group is busy. */
int pcache1GroupTryReleasePages(PGroup *pGroup, unsigned int nRelease){
  if( sqlite3_mutex_try(pGroup->mutex)!=SQLITE_OK ) return 0;
  if( nRelease > pGroup->nPurgeable ) nRelease = pGroup->nPurgeable;
  pGroup->nPurgeable -= nRelease;
  pcache1LeaveMutex(pGroup);
  return (int)nRelease;
}

unsigned int pcache1GroupMaxPage(PGroup *pGroup){
  unsigned int n;
  pcache1EnterMutex(pGroup);
  n = pGroup->nMaxPage;
  pcache1LeaveMutex(pGroup);
  return n;
}
