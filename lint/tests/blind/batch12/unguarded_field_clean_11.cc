/*
 * Named-group registry in the style of OpenSSL's provider-side stores: a
 * small hash of name -> parameters behind a CRYPTO_RWLOCK. Lookups take the
 * read lock, registration the write lock. The static helpers are only ever
 * reached with the lock held by their caller.
 */

#include <string.h>

#include <openssl/crypto.h>

#define GROUP_BUCKETS 31

typedef struct group_entry_st {
    char *name;
    int nid;
    int bits;
    struct group_entry_st *next;
} GROUP_ENTRY;

typedef struct group_store_st {
    CRYPTO_RWLOCK *lock;
    GROUP_ENTRY *buckets[GROUP_BUCKETS];
    size_t count;
    int frozen;
} GROUP_STORE;

static unsigned int group_hash(const char *name)
{
    unsigned int h = 5381;

    while (*name != '\0')
        h = h * 33 + (unsigned char)*name++;
    return h % GROUP_BUCKETS;
}

/* Called with the lock held. */
static GROUP_ENTRY *group_find(GROUP_STORE *store, const char *name)
{
    GROUP_ENTRY *e;

    for (e = store->buckets[group_hash(name)]; e != NULL; e = e->next)
        if (strcmp(e->name, name) == 0)
            return e;
    return NULL;
}

GROUP_STORE *group_store_new(void)
{
    GROUP_STORE *store = (GROUP_STORE *)OPENSSL_zalloc(sizeof(*store));

    if (store == NULL)
        return NULL;
    store->lock = CRYPTO_THREAD_lock_new();
    if (store->lock == NULL) {
        OPENSSL_free(store);
        return NULL;
    }
    return store;
}

void group_store_free(GROUP_STORE *store)
{
    size_t i;
    GROUP_ENTRY *e, *next;

    if (store == NULL)
        return;
    for (i = 0; i < GROUP_BUCKETS; i++) {
        for (e = store->buckets[i]; e != NULL; e = next) {
            next = e->next;
            OPENSSL_free(e->name);
            OPENSSL_free(e);
        }
    }
    CRYPTO_THREAD_lock_free(store->lock);
    OPENSSL_free(store);
}

int group_store_add(GROUP_STORE *store, const char *name, int nid, int bits)
{
    GROUP_ENTRY *e;
    unsigned int h;
    int ret = 0;

    if (!CRYPTO_THREAD_write_lock(store->lock))
        return 0;
    if (store->frozen || group_find(store, name) != NULL)
        goto end;
    e = (GROUP_ENTRY *)OPENSSL_zalloc(sizeof(*e));
    if (e == NULL)
        goto end;
    e->name = OPENSSL_strdup(name);
    if (e->name == NULL) {
        OPENSSL_free(e);
        goto end;
    }
    e->nid = nid;
    e->bits = bits;
    h = group_hash(name);
    e->next = store->buckets[h];
    store->buckets[h] = e;
    store->count++;
    ret = 1;
 end:
    CRYPTO_THREAD_unlock(store->lock);
    return ret;
}

int group_store_get_nid(GROUP_STORE *store, const char *name, int *bits)
{
    const GROUP_ENTRY *e;
    int nid = 0;

    if (!CRYPTO_THREAD_read_lock(store->lock))
        return 0;
    e = group_find(store, name);
    if (e != NULL) {
        nid = e->nid;
        if (bits != NULL)
            *bits = e->bits;
    }
    CRYPTO_THREAD_unlock(store->lock);
    return nid;
}

/* After this no more groups can be added; providers call it at init end. */
void group_store_freeze(GROUP_STORE *store)
{
    if (!CRYPTO_THREAD_write_lock(store->lock))
        return;
    store->frozen = 1;
    CRYPTO_THREAD_unlock(store->lock);
}

size_t group_store_count(GROUP_STORE *store)
{
    size_t n;

    if (!CRYPTO_THREAD_read_lock(store->lock))
        return 0;
    n = store->count;
    CRYPTO_THREAD_unlock(store->lock);
    return n;
}
