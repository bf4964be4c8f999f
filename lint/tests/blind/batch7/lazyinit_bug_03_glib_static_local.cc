/* Known caps features, in the style of GStreamer's gstcapsfeatures.c: the
 * list is built the first time a pad negotiates, which happens on every
 * streaming thread of every pipeline at once. */
#include <string.h>

#include "mock/glib_thread.h"

typedef struct {
  GMutex lock;
  const gchar **names;
  guint n_names;
} GstFeatureRegistry;

static GstFeatureRegistry registry;

static const gchar **
build_known_features (void)
{
  const gchar **known = g_new0 (const gchar *, 4);

  known[0] = "memory:SystemMemory";
  known[1] = "meta:GstVideoOverlayComposition";
  known[2] = "memory:DMABuf";
  return known;
}

gboolean
gst_caps_features_is_known (const gchar * feature)
{
  static const gchar **known = NULL;
  gboolean found = FALSE;
  guint i;

  if (known == NULL) // EXPECT: concurrency-lazy-init-race
    known = build_known_features ();

  for (i = 0; known[i] != NULL; i++) {
    if (strcmp (known[i], feature) == 0)
      return TRUE;
  }

  g_mutex_lock (&registry.lock);
  for (i = 0; i < registry.n_names; i++) {
    if (strcmp (registry.names[i], feature) == 0) {
      found = TRUE;
      break;
    }
  }
  g_mutex_unlock (&registry.lock);
  return found;
}
