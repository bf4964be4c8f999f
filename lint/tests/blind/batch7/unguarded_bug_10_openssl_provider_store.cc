/*
 * The provider store of a library context, in the style of OpenSSL's
 * crypto/provider_core.c: providers are added and looked up from any thread
 * under the store's rwlock.
 */
#include <string.h>

#include "mock/openssl_threads.h"

#define MAX_PROVIDERS 32

typedef struct ossl_provider_st {
    char *name;
    int activatecnt;
} OSSL_PROVIDER;

struct provider_store_st {
    CRYPTO_RWLOCK *lock;
    OSSL_PROVIDER *providers[MAX_PROVIDERS];
    size_t num_providers;
    int fallbacks_disabled;
};

struct provider_store_st *ossl_provider_store_new(void)
{
    struct provider_store_st *store =
        (struct provider_store_st *)OPENSSL_zalloc(sizeof(*store));

    if (store == NULL)
        return NULL;
    if ((store->lock = CRYPTO_THREAD_lock_new()) == NULL) {
        OPENSSL_free(store);
        return NULL;
    }
    return store;
}

int ossl_provider_store_add(struct provider_store_st *store, OSSL_PROVIDER *prov)
{
    int ret = 0;

    if (!CRYPTO_THREAD_write_lock(store->lock))
        return 0;
    if (store->num_providers < MAX_PROVIDERS) {
        store->providers[store->num_providers++] = prov;
        store->fallbacks_disabled = 1; /* explicitly loaded: no fallbacks */
        ret = 1;
    }
    CRYPTO_THREAD_unlock(store->lock);
    return ret;
}

OSSL_PROVIDER *ossl_provider_find(struct provider_store_st *store, const char *name)
{
    OSSL_PROVIDER *prov = NULL;
    size_t i;

    if (!CRYPTO_THREAD_read_lock(store->lock))
        return NULL;
    for (i = 0; i < store->num_providers; i++) {
        if (strcmp(store->providers[i]->name, name) == 0) {
            prov = store->providers[i];
            break;
        }
    }
    CRYPTO_THREAD_unlock(store->lock);
    return prov;
}

int ossl_provider_store_wants_fallbacks(struct provider_store_st *store)
{
    int ret;

    if (!CRYPTO_THREAD_read_lock(store->lock))
        return 0;
    ret = !store->fallbacks_disabled;
    CRYPTO_THREAD_unlock(store->lock);
    return ret;
}

int ossl_provider_store_count(struct provider_store_st *store)
{
    return (int)store->num_providers; // EXPECT: concurrency-unguarded-field
}

/* OSSL_PROVIDER_set_default_search_path() and friends end up here. */
int ossl_provider_disable_fallback_loading(struct provider_store_st *store)
{
    store->fallbacks_disabled = 1; // EXPECT: concurrency-unguarded-field
    return 1;
}

void ossl_provider_store_free(struct provider_store_st *store)
{
    if (store == NULL)
        return;
    CRYPTO_THREAD_lock_free(store->lock);
    OPENSSL_free(store);
}
