/*
 * Session ticket key cache, in the style of OpenSSL's provider-side caches:
 * a list of ticket keys indexed by key name, protected by a CRYPTO_RWLOCK,
 * with hit/miss statistics the application can query through a ctrl.
 */

#include <string.h>

#include <openssl/crypto.h>

#define TICK_KEY_NAME_LEN 16
#define TICK_AES_KEY_LEN 32
#define TICK_HMAC_KEY_LEN 32

typedef struct tick_key_st {
    unsigned char name[TICK_KEY_NAME_LEN];
    unsigned char aes_key[TICK_AES_KEY_LEN];
    unsigned char hmac_key[TICK_HMAC_KEY_LEN];
    struct tick_key_st *next;
} TICK_KEY;

typedef struct tick_cache_st {
    CRYPTO_RWLOCK *lock;
    TICK_KEY *head;
    size_t count;
    size_t hits;
    size_t misses;
} TICK_CACHE;

TICK_CACHE *tick_cache_new(void)
{
    TICK_CACHE *c = (TICK_CACHE *)OPENSSL_zalloc(sizeof(*c));

    if (c == NULL) {
        ERR_raise(ERR_LIB_CRYPTO, ERR_R_MALLOC_FAILURE);
        return NULL;
    }
    c->lock = CRYPTO_THREAD_lock_new();
    if (c->lock == NULL) {
        OPENSSL_free(c);
        return NULL;
    }
    return c;
}

void tick_cache_free(TICK_CACHE *c)
{
    TICK_KEY *k, *next;

    if (c == NULL)
        return;
    for (k = c->head; k != NULL; k = next) {
        next = k->next;
        OPENSSL_free(k);
    }
    CRYPTO_THREAD_lock_free(c->lock);
    OPENSSL_free(c);
}

int tick_cache_add(TICK_CACHE *c, const unsigned char *name,
                   const unsigned char *aes, const unsigned char *hmac)
{
    TICK_KEY *k = (TICK_KEY *)OPENSSL_zalloc(sizeof(*k));

    if (k == NULL)
        return 0;
    memcpy(k->name, name, TICK_KEY_NAME_LEN);
    memcpy(k->aes_key, aes, TICK_AES_KEY_LEN);
    memcpy(k->hmac_key, hmac, TICK_HMAC_KEY_LEN);

    if (!CRYPTO_THREAD_write_lock(c->lock)) {
        OPENSSL_free(k);
        return 0;
    }
    k->next = c->head;
    c->head = k;
    c->count++;
    CRYPTO_THREAD_unlock(c->lock);
    return 1;
}

/*
 * Copies the keys for |name| into |aes| and |hmac|. Takes the write lock
 * because the statistics are updated on every lookup.
 */
int tick_cache_lookup(TICK_CACHE *c, const unsigned char *name,
                      unsigned char *aes, unsigned char *hmac)
{
    const TICK_KEY *k;
    int found = 0;

    if (!CRYPTO_THREAD_write_lock(c->lock))
        return 0;
    for (k = c->head; k != NULL; k = k->next) {
        if (memcmp(k->name, name, TICK_KEY_NAME_LEN) == 0) {
            memcpy(aes, k->aes_key, TICK_AES_KEY_LEN);
            memcpy(hmac, k->hmac_key, TICK_HMAC_KEY_LEN);
            found = 1;
            break;
        }
    }
    if (found)
        c->hits++;
    else
        c->misses++;
    CRYPTO_THREAD_unlock(c->lock);
    return found;
}

size_t tick_cache_count(TICK_CACHE *c)
{
    size_t n;

    if (!CRYPTO_THREAD_read_lock(c->lock))
        return 0;
    n = c->count;
    CRYPTO_THREAD_unlock(c->lock);
    return n;
}

void tick_cache_reset_stats(TICK_CACHE *c)
{
    if (!CRYPTO_THREAD_write_lock(c->lock))
        return;
    c->hits = 0;
    c->misses = 0;
    CRYPTO_THREAD_unlock(c->lock);
}

/* SSL_CTX_ctrl(SSL_CTRL_GET_TICKET_STATS) */
void tick_cache_stats(TICK_CACHE *c, size_t *hits, size_t *misses)
{
    *hits = c->hits; // EXPECT: concurrency-unguarded-field
    *misses = c->misses; // EXPECT: concurrency-unguarded-field
}
