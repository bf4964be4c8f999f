// Stand-in for GLib's gthread.h and the object lock of GStreamer's gstobject.h.
// Neither is built with clang's thread-safety analysis: nothing is annotated.
#ifndef BATCH7_MOCK_GLIB_THREAD_H_
#define BATCH7_MOCK_GLIB_THREAD_H_

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef int gint;
typedef unsigned int guint;
typedef int gboolean;
typedef char gchar;
typedef int64_t gint64;
typedef uint64_t guint64;
typedef size_t gsize;
typedef void* gpointer;
typedef const void* gconstpointer;

#ifndef TRUE
#define TRUE 1
#define FALSE 0
#endif

#define g_new0(type, n) (static_cast<type*>(calloc((n), sizeof(type))))
#define g_free(p) free(p)
#define g_strdup(s) ((s) ? strdup(s) : nullptr)
#define g_return_val_if_fail(expr, val) \
  do {                                  \
    if (!(expr)) return (val);          \
  } while (0)

typedef struct _GMutex {
  pthread_mutex_t impl;
} GMutex;

typedef struct _GRecMutex {
  pthread_mutex_t impl;
} GRecMutex;

typedef struct _GCond {
  pthread_cond_t impl;
} GCond;

inline void g_mutex_init(GMutex* mutex) { pthread_mutex_init(&mutex->impl, nullptr); }
inline void g_mutex_clear(GMutex* mutex) { pthread_mutex_destroy(&mutex->impl); }
inline void g_mutex_lock(GMutex* mutex) { pthread_mutex_lock(&mutex->impl); }
inline void g_mutex_unlock(GMutex* mutex) { pthread_mutex_unlock(&mutex->impl); }
inline gboolean g_mutex_trylock(GMutex* mutex) {
  return pthread_mutex_trylock(&mutex->impl) == 0 ? TRUE : FALSE;
}

inline void g_rec_mutex_init(GRecMutex* rec_mutex) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&rec_mutex->impl, &attr);
  pthread_mutexattr_destroy(&attr);
}
inline void g_rec_mutex_clear(GRecMutex* rec_mutex) { pthread_mutex_destroy(&rec_mutex->impl); }
inline void g_rec_mutex_lock(GRecMutex* rec_mutex) { pthread_mutex_lock(&rec_mutex->impl); }
inline void g_rec_mutex_unlock(GRecMutex* rec_mutex) { pthread_mutex_unlock(&rec_mutex->impl); }

inline void g_cond_init(GCond* cond) { pthread_cond_init(&cond->impl, nullptr); }
inline void g_cond_clear(GCond* cond) { pthread_cond_destroy(&cond->impl); }
inline void g_cond_wait(GCond* cond, GMutex* mutex) { pthread_cond_wait(&cond->impl, &mutex->impl); }
inline void g_cond_signal(GCond* cond) { pthread_cond_signal(&cond->impl); }
inline void g_cond_broadcast(GCond* cond) { pthread_cond_broadcast(&cond->impl); }

// One-time initialization: g_once_init_enter() returns TRUE for exactly one
// caller, which must then call g_once_init_leave(); the others block until it
// has and then return FALSE.
gboolean g_once_init_enter(volatile gsize* location);
void g_once_init_leave(volatile gsize* location, gsize result);

typedef struct _GstObject {
  GMutex lock; /* object LOCK */
  gchar* name;
  struct _GstObject* parent;
  guint flags;
} GstObject;

#define GST_OBJECT_CAST(obj) (reinterpret_cast<GstObject*>(obj))
#define GST_OBJECT_GET_LOCK(obj) (&GST_OBJECT_CAST(obj)->lock)
#define GST_OBJECT_LOCK(obj) g_mutex_lock(GST_OBJECT_GET_LOCK(obj))
#define GST_OBJECT_TRYLOCK(obj) g_mutex_trylock(GST_OBJECT_GET_LOCK(obj))
#define GST_OBJECT_UNLOCK(obj) g_mutex_unlock(GST_OBJECT_GET_LOCK(obj))

#endif  // BATCH7_MOCK_GLIB_THREAD_H_
