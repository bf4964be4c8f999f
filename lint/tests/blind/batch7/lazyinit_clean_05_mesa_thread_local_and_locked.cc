/*
 * Format translation tables in the style of Mesa's gallium drivers: the
 * per-thread scratch state is thread_local, and the shared format table is
 * created under the screen's simple_mtx on first use.
 */
#include <string.h>

#include "mock/mesa_simple_mtx.h"

struct format_desc {
   unsigned pipe_format;
   unsigned hw_format;
};

struct format_table {
   struct format_desc descs[256];
   unsigned count;
};

struct format_table *build_format_table(void);

struct scratch_state {
   unsigned char bytes[4096];
   unsigned used;
};

static simple_mtx_t format_table_lock = SIMPLE_MTX_INITIALIZER;
static struct format_table *format_table;

static thread_local struct scratch_state *tls_scratch;

unsigned
translate_pipe_format(unsigned pipe_format)
{
   unsigned hw = 0;

   simple_mtx_lock(&format_table_lock);
   if (!format_table)
      format_table = build_format_table();
   for (unsigned i = 0; i < format_table->count; i++) {
      if (format_table->descs[i].pipe_format == pipe_format) {
         hw = format_table->descs[i].hw_format;
         break;
      }
   }
   simple_mtx_unlock(&format_table_lock);
   return hw;
}

void *
scratch_alloc(unsigned size)
{
   if (!tls_scratch)
      tls_scratch = (struct scratch_state *)calloc(1, sizeof(*tls_scratch));
   if (!tls_scratch || tls_scratch->used + size > sizeof(tls_scratch->bytes))
      return NULL;
   void *p = tls_scratch->bytes + tls_scratch->used;
   tls_scratch->used += size;
   return p;
}

void
scratch_reset(void)
{
   if (tls_scratch)
      tls_scratch->used = 0;
}
