/* Image buffer cache in the style of Blender's imbuf moviecache: render and
 * UI threads look up and insert buffers under the cache mutex; every exit
 * path of the insert, including the error gotos, unlocks before returning,
 * and nothing of the cache is read after the unlock. */

#include "mock/blender_threads.h"

#define CACHE_MAX_ITEMS 128

struct ImBufLite {
  int x, y;
  unsigned char *rect;
  int refcount;
};

struct CacheItem {
  unsigned int key;
  ImBufLite *ibuf;
};

struct MovieCacheLite {
  ThreadMutex mutex;
  CacheItem items[CACHE_MAX_ITEMS];
  int totitem;
  size_t memory_used;
};

static size_t imbuf_memory(const ImBufLite *ibuf)
{
  return (size_t)ibuf->x * (size_t)ibuf->y * 4;
}

bool movie_cache_put(MovieCacheLite *cache, unsigned int key, ImBufLite *ibuf)
{
  bool ok = false;
  int i;

  BLI_mutex_lock(&cache->mutex);
  for (i = 0; i < cache->totitem; i++) {
    if (cache->items[i].key == key) {
      goto finally; /* already cached */
    }
  }
  if (cache->totitem == CACHE_MAX_ITEMS) {
    goto finally;
  }
  cache->items[cache->totitem].key = key;
  cache->items[cache->totitem].ibuf = ibuf;
  cache->totitem++;
  cache->memory_used += imbuf_memory(ibuf);
  ok = true;

finally:
  BLI_mutex_unlock(&cache->mutex);
  return ok;
}

ImBufLite *movie_cache_get(MovieCacheLite *cache, unsigned int key)
{
  ImBufLite *found = nullptr;

  BLI_mutex_lock(&cache->mutex);
  for (int i = 0; i < cache->totitem; i++) {
    if (cache->items[i].key == key) {
      found = cache->items[i].ibuf;
      break;
    }
  }
  BLI_mutex_unlock(&cache->mutex);
  return found;
}

size_t movie_cache_memory_used(MovieCacheLite *cache)
{
  BLI_mutex_lock(&cache->mutex);
  const size_t used = cache->memory_used;
  BLI_mutex_unlock(&cache->mutex);
  return used;
}
