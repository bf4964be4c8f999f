/* A token-bucket rate limiter element in the style of GStreamer elements:
 * the "bitrate" property is set from the application thread, buffers are
 * admitted from the streaming thread, and both take the object lock. */
#include "mock/glib_thread.h"

typedef struct _GstTokenBucket {
  GstObject object;

  guint64 bytes_per_second;
  guint64 tokens;
  gint64 last_refill_us;
  guint64 dropped;
} GstTokenBucket;

void
gst_token_bucket_set_rate (GstTokenBucket * self, guint64 bytes_per_second)
{
  GST_OBJECT_LOCK (self);
  self->bytes_per_second = bytes_per_second;
  if (self->tokens > bytes_per_second)
    self->tokens = bytes_per_second;
  GST_OBJECT_UNLOCK (self);
}

guint64
gst_token_bucket_get_rate (GstTokenBucket * self)
{
  guint64 rate;

  GST_OBJECT_LOCK (self);
  rate = self->bytes_per_second;
  GST_OBJECT_UNLOCK (self);
  return rate;
}

gboolean
gst_token_bucket_admit (GstTokenBucket * self, gsize size, gint64 now_us)
{
  gboolean admitted;

  GST_OBJECT_LOCK (self);
  if (now_us > self->last_refill_us) {
    guint64 refill = (guint64) (now_us - self->last_refill_us) *
        self->bytes_per_second / 1000000;
    self->tokens += refill;
    if (self->tokens > self->bytes_per_second)
      self->tokens = self->bytes_per_second;
    self->last_refill_us = now_us;
  }
  admitted = self->tokens >= size;
  if (admitted)
    self->tokens -= size;
  else
    self->dropped++;
  GST_OBJECT_UNLOCK (self);
  return admitted;
}

/* Stats query from the bus handler; it must not block the streaming thread,
 * so it gives up when the object lock is busy. */
gboolean
gst_token_bucket_try_get_dropped (GstTokenBucket * self, guint64 * dropped)
{
  if (!GST_OBJECT_TRYLOCK (self))
    return FALSE;
  *dropped = self->dropped;
  GST_OBJECT_UNLOCK (self);
  return TRUE;
}
