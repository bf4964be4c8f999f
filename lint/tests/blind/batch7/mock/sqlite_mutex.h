/*
** Stand-in for SQLite's mutex interface (sqlite3.h, src/mutex_unix.c).
** SQLite is C and is not built with clang's thread-safety analysis: nothing
** here is annotated.
*/
#ifndef BATCH7_MOCK_SQLITE_MUTEX_H_
#define BATCH7_MOCK_SQLITE_MUTEX_H_

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef long long int sqlite3_int64;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef sqlite3_int64 i64;

#define SQLITE_OK 0
#define SQLITE_BUSY 5
#define SQLITE_NOMEM 7
#define SQLITE_MUTEX_FAST 0
#define SQLITE_MUTEX_RECURSIVE 1

struct sqlite3_mutex {
  pthread_mutex_t mutex; /* Mutex controlling the lock */
  int id;                /* Mutex type */
};

static inline struct sqlite3_mutex *sqlite3_mutex_alloc(int iType){
  struct sqlite3_mutex *p = (struct sqlite3_mutex*)calloc(1, sizeof(*p));
  if( p ){
    pthread_mutexattr_t recursiveAttr;
    pthread_mutexattr_init(&recursiveAttr);
    if( iType==SQLITE_MUTEX_RECURSIVE ){
      pthread_mutexattr_settype(&recursiveAttr, PTHREAD_MUTEX_RECURSIVE);
    }
    pthread_mutex_init(&p->mutex, &recursiveAttr);
    pthread_mutexattr_destroy(&recursiveAttr);
    p->id = iType;
  }
  return p;
}

static inline void sqlite3_mutex_free(struct sqlite3_mutex *p){
  if( p ){
    pthread_mutex_destroy(&p->mutex);
    free(p);
  }
}

/* A NULL mutex (SQLITE_THREADSAFE=0 or a connection opened without one) is
** a no-op. */
static inline void sqlite3_mutex_enter(struct sqlite3_mutex *p){
  if( p ) pthread_mutex_lock(&p->mutex);
}

static inline int sqlite3_mutex_try(struct sqlite3_mutex *p){
  if( p==0 ) return SQLITE_OK;
  return pthread_mutex_trylock(&p->mutex)==0 ? SQLITE_OK : SQLITE_BUSY;
}

static inline void sqlite3_mutex_leave(struct sqlite3_mutex *p){
  if( p ) pthread_mutex_unlock(&p->mutex);
}

#define sqlite3_malloc64(n) malloc(n)
#define sqlite3_free(p) free(p)
#define sqlite3_realloc64(p, n) realloc((p), (n))

#endif /* BATCH7_MOCK_SQLITE_MUTEX_H_ */
