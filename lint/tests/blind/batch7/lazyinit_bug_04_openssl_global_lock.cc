/*
 * Dynamically added OIDs, in the style of OpenSSL 1.1's crypto/objects/
 * obj_dat.c before it moved to CRYPTO_THREAD_run_once: the table lock is
 * created by whichever thread first calls OBJ_create() or OBJ_nid2sn().
 */
#include <string.h>

#include "mock/openssl_threads.h"

#define MAX_ADDED_OBJS 256

typedef struct added_obj_st {
    int nid;
    char *sn;
} ADDED_OBJ;

static CRYPTO_RWLOCK *ossl_obj_lock = NULL;
static ADDED_OBJ added[MAX_ADDED_OBJS];
static int num_added = 0;

static int ossl_obj_lock_init(void)
{
    if (ossl_obj_lock == NULL) // EXPECT: concurrency-lazy-init-race
        ossl_obj_lock = CRYPTO_THREAD_lock_new();
    return ossl_obj_lock != NULL;
}

int OBJ_add_object_sn(int nid, const char *sn)
{
    int ok = 0;

    if (!ossl_obj_lock_init())
        return 0;
    if (!CRYPTO_THREAD_write_lock(ossl_obj_lock))
        return 0;
    if (num_added < MAX_ADDED_OBJS) {
        added[num_added].nid = nid;
        added[num_added].sn = OPENSSL_strdup(sn);
        num_added++;
        ok = 1;
    }
    CRYPTO_THREAD_unlock(ossl_obj_lock);
    return ok;
}

const char *OBJ_nid2sn_added(int nid)
{
    const char *sn = NULL;
    int i;

    if (!ossl_obj_lock_init())
        return NULL;
    if (!CRYPTO_THREAD_read_lock(ossl_obj_lock))
        return NULL;
    for (i = 0; i < num_added; i++) {
        if (added[i].nid == nid) {
            sn = added[i].sn;
            break;
        }
    }
    CRYPTO_THREAD_unlock(ossl_obj_lock);
    return sn;
}
