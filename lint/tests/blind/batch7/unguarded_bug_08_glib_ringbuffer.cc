/* Segment accounting of an audio ring buffer, in the style of GStreamer's
 * GstAudioRingBuffer: the streaming thread commits samples, the device
 * thread consumes segments, and the element queries latency from the
 * application thread. */
#include "mock/glib_thread.h"

void gst_debug_log_valist_stub (const char *format, ...);
#define GST_DEBUG(...) gst_debug_log_valist_stub (__VA_ARGS__)

typedef struct _GstRingAccounting {
  GMutex lock;
  GCond cond;
  guint64 segdone;   /* segments consumed by the device */
  guint64 segqueued; /* segments committed but not yet consumed */
  guint segsize;     /* bytes per segment, fixed at acquire */
  gboolean active;
} GstRingAccounting;

GstRingAccounting *
gst_ring_accounting_new (guint segsize)
{
  GstRingAccounting *ring = g_new0 (GstRingAccounting, 1);

  g_mutex_init (&ring->lock);
  g_cond_init (&ring->cond);
  ring->segsize = segsize;
  return ring;
}

void
gst_ring_accounting_commit (GstRingAccounting * ring, guint segments)
{
  g_mutex_lock (&ring->lock);
  ring->segqueued += segments;
  g_cond_broadcast (&ring->cond);
  g_mutex_unlock (&ring->lock);
}

void
gst_ring_accounting_advance (GstRingAccounting * ring)
{
  g_mutex_lock (&ring->lock);
  while (ring->segqueued == 0 && ring->active)
    g_cond_wait (&ring->cond, &ring->lock);
  if (ring->segqueued > 0) {
    ring->segqueued--;
    ring->segdone++;
  }
  g_mutex_unlock (&ring->lock);
}

gboolean
gst_ring_accounting_activate (GstRingAccounting * ring, gboolean active)
{
  g_mutex_lock (&ring->lock);
  if (ring->active == active)
    goto was_active;
  ring->active = active;
  g_cond_broadcast (&ring->cond);
  g_mutex_unlock (&ring->lock);
  return TRUE;

was_active:
  g_mutex_unlock (&ring->lock);
  GST_DEBUG ("ring buffer was already in state %d", ring->active); // EXPECT: concurrency-unguarded-field
  return TRUE;
}

/* Latency in bytes: what is queued but not yet played. Called by the
 * element's query handler. */
guint64
gst_ring_accounting_get_latency (GstRingAccounting * ring)
{
  return ring->segqueued * ring->segsize; // EXPECT: concurrency-unguarded-field
}

void
gst_ring_accounting_free (GstRingAccounting * ring)
{
  g_cond_clear (&ring->cond);
  g_mutex_clear (&ring->lock);
  g_free (ring);
}
