/*
 * Named group lookup in the style of OpenSSL's provider capability cache:
 * the table is read under the read lock and the caller gets a copy of the
 * name, so nothing escapes the lock.
 */
#include <string.h>

#include "mock/openssl_threads.h"

#define MAX_GROUPS 64

typedef struct {
    int group_id;
    char name[32];
    int secbits;
} GROUP_INFO;

typedef struct {
    CRYPTO_RWLOCK *lock;
    GROUP_INFO groups[MAX_GROUPS];
    int num_groups;
} GROUP_CACHE;

int group_cache_add(GROUP_CACHE *cache, int group_id, const char *name, int secbits)
{
    int ok = 0;

    if (!CRYPTO_THREAD_write_lock(cache->lock))
        return 0;
    if (cache->num_groups < MAX_GROUPS) {
        GROUP_INFO *info = &cache->groups[cache->num_groups];

        info->group_id = group_id;
        strncpy(info->name, name, sizeof(info->name) - 1);
        info->name[sizeof(info->name) - 1] = '\0';
        info->secbits = secbits;
        cache->num_groups++;
        ok = 1;
    }
    CRYPTO_THREAD_unlock(cache->lock);
    return ok;
}

/* Returns a newly allocated copy of the group's name, or NULL. */
char *group_cache_get_name(GROUP_CACHE *cache, int group_id)
{
    char *name = NULL;
    int i;

    if (!CRYPTO_THREAD_read_lock(cache->lock))
        return NULL;
    for (i = 0; i < cache->num_groups; i++) {
        if (cache->groups[i].group_id == group_id) {
            name = OPENSSL_strdup(cache->groups[i].name);
            break;
        }
    }
    CRYPTO_THREAD_unlock(cache->lock);
    return name;
}

int group_cache_count(GROUP_CACHE *cache)
{
    int n;

    if (!CRYPTO_THREAD_read_lock(cache->lock))
        return 0;
    n = cache->num_groups;
    CRYPTO_THREAD_unlock(cache->lock);
    return n;
}

int group_cache_max_secbits(GROUP_CACHE *cache)
{
    int best = 0;
    int i;

    if (!CRYPTO_THREAD_read_lock(cache->lock))
        return 0;
    for (i = 0; i < cache->num_groups; i++) {
        if (cache->groups[i].secbits > best)
            best = cache->groups[i].secbits;
    }
    CRYPTO_THREAD_unlock(cache->lock);
    return best;
}
