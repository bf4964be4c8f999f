/* Type registration in the style of GLib's G_DEFINE_TYPE: the type id is
 * registered exactly once with g_once_init_enter()/g_once_init_leave(), no
 * matter how many streaming threads ask for it first. The plugin's feature
 * list is built under the registry mutex. */
#include <string.h>

#include "mock/glib_thread.h"

typedef gsize GType;

GType g_type_register_static_simple_stub (const gchar * name, gsize class_size, gsize instance_size);

GType
gst_rtp_jitter_meter_get_type (void)
{
  static volatile gsize static_g_define_type_id = 0;

  if (g_once_init_enter (&static_g_define_type_id)) {
    GType g_define_type_id =
        g_type_register_static_simple_stub ("GstRtpJitterMeter", 256, 512);
    g_once_init_leave (&static_g_define_type_id, g_define_type_id);
  }
  return static_g_define_type_id;
}

typedef struct {
  GMutex lock;
  const gchar **features;
  guint n_features;
} GstPluginFeatureList;

static GstPluginFeatureList plugin_features;

static const gchar **
build_feature_names (guint * n)
{
  const gchar **names = g_new0 (const gchar *, 3);

  names[0] = "rtpjittermeter";
  names[1] = "rtpjitterreport";
  *n = 2;
  return names;
}

gboolean
gst_rtp_plugin_has_feature (const gchar * name)
{
  gboolean found = FALSE;
  guint i;

  g_mutex_lock (&plugin_features.lock);
  if (plugin_features.features == NULL)
    plugin_features.features = build_feature_names (&plugin_features.n_features);
  for (i = 0; i < plugin_features.n_features; i++) {
    if (strcmp (plugin_features.features[i], name) == 0) {
      found = TRUE;
      break;
    }
  }
  g_mutex_unlock (&plugin_features.lock);
  return found;
}
