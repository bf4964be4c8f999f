/*
 * Server weight changes, in the style of HAProxy's src/server.c: the CLI
 * ("set server <b>/<s> weight") and the health checks run on any thread and
 * serialize on the server's spinlock; the LB algorithm reads the effective
 * weight under the same lock when it recomputes.
 */
#include <stdio.h>

#include "mock/haproxy_thread.h"

#define SRV_UWGHT_MAX 256

struct server {
	__decl_thread(HA_SPINLOCK_T lock);
	char *id;
	unsigned int uweight;       /* user-configured weight */
	unsigned int cur_eweight;   /* effective weight used by the LB */
	unsigned int next_eweight;  /* weight to apply on next update */
	unsigned int maxconn;
	unsigned int served;        /* updated with HA_ATOMIC_* */
	struct server *next;
};

void srv_set_weight(struct server *s, unsigned int w)
{
	if (w > SRV_UWGHT_MAX)
		w = SRV_UWGHT_MAX;
	HA_SPIN_LOCK(SERVER_LOCK, &s->lock);
	s->uweight = w;
	s->next_eweight = w;
	HA_SPIN_UNLOCK(SERVER_LOCK, &s->lock);
}

/* Called by the LB when it rebalances. */
void srv_update_eweight(struct server *s)
{
	HA_SPIN_LOCK(SERVER_LOCK, &s->lock);
	if (s->cur_eweight != s->next_eweight)
		s->cur_eweight = s->next_eweight;
	HA_SPIN_UNLOCK(SERVER_LOCK, &s->lock);
}

int srv_is_usable(struct server *s)
{
	int usable;

	HA_SPIN_LOCK(SERVER_LOCK, &s->lock);
	usable = s->cur_eweight != 0;
	HA_SPIN_UNLOCK(SERVER_LOCK, &s->lock);
	return usable && HA_ATOMIC_LOAD(&s->served) < s->maxconn;
}

/* "show servers state" line for one server. */
int srv_dump_weight(struct server *s, char *out, size_t len)
{
	return snprintf(out, len, "%s %u %u", s->id, s->uweight, s->cur_eweight); // EXPECT: concurrency-unguarded-field
}

/* "set server <b>/<s> weight 0": drain without waiting for the next LB pass. */
void srv_drain(struct server *s)
{
	HA_SPIN_LOCK(SERVER_LOCK, &s->lock);
	s->next_eweight = 0;
	HA_SPIN_UNLOCK(SERVER_LOCK, &s->lock);
	s->cur_eweight = 0; // EXPECT: concurrency-unguarded-field
}
