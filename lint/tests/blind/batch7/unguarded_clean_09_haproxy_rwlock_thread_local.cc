/*
 * Resolver cache in the style of HAProxy's DNS resolvers: the answer list is
 * read by every thread under the read lock and replaced under the write
 * lock; per-thread counters live in thread-local storage and are only
 * accessed by their owning thread, and the totals are summed under the lock.
 */
#include <stdio.h>
#include <string.h>

#include "mock/haproxy_thread.h"

#define MAX_ANSWERS 16

struct resolv_answer {
	char name[64];
	unsigned int ipv4;
	unsigned int ttl;
};

struct resolv_cache {
	__decl_thread(HA_RWLOCK_T lock);
	struct resolv_answer answers[MAX_ANSWERS];
	int nb_answers;
	unsigned long long refreshes;
};

struct resolv_thread_ctx {
	unsigned long long lookups;  /* only accessed by the owning thread */
	unsigned long long misses;   /* only accessed by the owning thread */
};

static THREAD_LOCAL struct resolv_thread_ctx resolv_ctx;

int resolv_cache_lookup(struct resolv_cache *cache, const char *name, unsigned int *ipv4)
{
	int i, found = 0;

	resolv_ctx.lookups++;
	HA_RWLOCK_RDLOCK(DNS_LOCK, &cache->lock);
	for (i = 0; i < cache->nb_answers; i++) {
		if (strcmp(cache->answers[i].name, name) == 0) {
			*ipv4 = cache->answers[i].ipv4;
			found = 1;
			break;
		}
	}
	HA_RWLOCK_RDUNLOCK(DNS_LOCK, &cache->lock);
	if (!found)
		resolv_ctx.misses++;
	return found;
}

void resolv_cache_replace(struct resolv_cache *cache, const struct resolv_answer *answers, int nb)
{
	if (nb > MAX_ANSWERS)
		nb = MAX_ANSWERS;
	HA_RWLOCK_WRLOCK(DNS_LOCK, &cache->lock);
	memcpy(cache->answers, answers, nb * sizeof(*answers));
	cache->nb_answers = nb;
	cache->refreshes++;
	HA_RWLOCK_WRUNLOCK(DNS_LOCK, &cache->lock);
}

/* "show resolvers" */
int resolv_cache_dump(struct resolv_cache *cache, char *out, size_t len)
{
	int ret;

	HA_RWLOCK_RDLOCK(DNS_LOCK, &cache->lock);
	ret = snprintf(out, len, "%d answers, %llu refreshes; this thread: %llu lookups, %llu misses",
	               cache->nb_answers, cache->refreshes, resolv_ctx.lookups, resolv_ctx.misses);
	HA_RWLOCK_RDUNLOCK(DNS_LOCK, &cache->lock);
	return ret;
}
