/*
 * Minimal stand-in for Apple's libdispatch C API (the _f variants, which
 * take a context pointer and a plain function instead of a block).
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dispatch_queue_s *dispatch_queue_t;
typedef struct dispatch_queue_attr_s *dispatch_queue_attr_t;
typedef struct dispatch_group_s *dispatch_group_t;
typedef struct dispatch_source_s *dispatch_source_t;
typedef void (*dispatch_function_t)(void *context);
typedef uint64_t dispatch_time_t;
typedef intptr_t dispatch_once_t;

#define DISPATCH_QUEUE_SERIAL ((dispatch_queue_attr_t)0)
#define DISPATCH_QUEUE_CONCURRENT ((dispatch_queue_attr_t)1)
#define DISPATCH_TIME_NOW (0ull)
#define DISPATCH_TIME_FOREVER (~0ull)
#define DISPATCH_QUEUE_PRIORITY_DEFAULT 0
#define DISPATCH_QUEUE_PRIORITY_BACKGROUND (-32768)

dispatch_queue_t dispatch_queue_create(const char *label, dispatch_queue_attr_t attr);
dispatch_queue_t dispatch_get_global_queue(intptr_t identifier, uintptr_t flags);
dispatch_queue_t dispatch_get_main_queue(void);

/* Runs |work(context)| later on |queue|; returns immediately. */
void dispatch_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
/* Runs |work(context)| on |queue| and waits for it to finish. */
void dispatch_sync_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
void dispatch_barrier_async_f(dispatch_queue_t queue, void *context, dispatch_function_t work);
void dispatch_after_f(dispatch_time_t when, dispatch_queue_t queue, void *context,
                      dispatch_function_t work);

/* Calls |function(context)| exactly once for the lifetime of |predicate|. */
void dispatch_once_f(dispatch_once_t *predicate, void *context, dispatch_function_t function);

dispatch_group_t dispatch_group_create(void);
void dispatch_group_async_f(dispatch_group_t group, dispatch_queue_t queue, void *context,
                            dispatch_function_t work);
long dispatch_group_wait(dispatch_group_t group, dispatch_time_t timeout);

dispatch_time_t dispatch_time(dispatch_time_t when, int64_t delta);
void dispatch_retain(void *object);
void dispatch_release(void *object);
void dispatch_suspend(void *object);
void dispatch_resume(void *object);

#define NSEC_PER_MSEC 1000000ull
#define NSEC_PER_SEC 1000000000ull

#ifdef __cplusplus
}
#endif
