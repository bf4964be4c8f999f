// A DPDK-style ARP/neighbor table shared by the forwarding lcores, with
// per-lcore counters: each lcore updates only its own counter slot, and the
// table itself is always touched under its spinlock.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rte_spinlock.h"

#define NEIGH_TABLE_SIZE 1024

struct neigh_entry {
  uint32_t ip;
  uint8_t mac[6];
  uint64_t updated_at;
  uint8_t valid;
};

/* Per-lcore counters, cache-line aligned so lcores never share a line.
 * Slot i is written only by lcore i; readers use relaxed atomic loads. */
struct lcore_counters {
  uint64_t lookups;
  uint64_t misses;
  uint64_t updates;
} __attribute__((aligned(64)));

struct neigh_table {
  rte_spinlock_t lock;
  uint32_t n_valid;
  struct neigh_entry entries[NEIGH_TABLE_SIZE];
  struct lcore_counters counters[RTE_MAX_LCORE];
};

void neigh_table_init(struct neigh_table* t) {
  memset(t, 0, sizeof(*t));
  rte_spinlock_init(&t->lock);
}

static inline uint32_t neigh_slot(uint32_t ip) { return (ip * 2654435761u) % NEIGH_TABLE_SIZE; }

int neigh_lookup(struct neigh_table* t, uint32_t ip, uint8_t mac_out[6]) {
  const unsigned lcore = rte_lcore_id();
  int found = 0;
  __atomic_fetch_add(&t->counters[lcore].lookups, 1, __ATOMIC_RELAXED);
  rte_spinlock_lock(&t->lock);
  struct neigh_entry* e = &t->entries[neigh_slot(ip)];
  if (e->valid && e->ip == ip) {
    memcpy(mac_out, e->mac, 6);
    found = 1;
  }
  rte_spinlock_unlock(&t->lock);
  if (!found) __atomic_fetch_add(&t->counters[lcore].misses, 1, __ATOMIC_RELAXED);
  return found;
}

void neigh_update(struct neigh_table* t, uint32_t ip, const uint8_t mac[6], uint64_t now) {
  const unsigned lcore = rte_lcore_id();
  rte_spinlock_lock(&t->lock);
  struct neigh_entry* e = &t->entries[neigh_slot(ip)];
  if (!e->valid) t->n_valid++;
  e->ip = ip;
  memcpy(e->mac, mac, 6);
  e->updated_at = now;
  e->valid = 1;
  rte_spinlock_unlock(&t->lock);
  __atomic_fetch_add(&t->counters[lcore].updates, 1, __ATOMIC_RELAXED);
}

uint32_t neigh_expire(struct neigh_table* t, uint64_t now, uint64_t ttl) {
  uint32_t expired = 0;
  rte_spinlock_lock(&t->lock);
  for (uint32_t i = 0; i < NEIGH_TABLE_SIZE; i++) {
    struct neigh_entry* e = &t->entries[i];
    if (e->valid && now - e->updated_at > ttl) {
      e->valid = 0;
      expired++;
    }
  }
  t->n_valid -= expired;
  rte_spinlock_unlock(&t->lock);
  return expired;
}

void neigh_dump_stats(struct neigh_table* t, FILE* out) {
  uint64_t lookups = 0;
  uint64_t misses = 0;
  uint64_t updates = 0;
  uint32_t n_valid;
  for (unsigned i = 0; i < RTE_MAX_LCORE; i++) {
    lookups += __atomic_load_n(&t->counters[i].lookups, __ATOMIC_RELAXED);
    misses += __atomic_load_n(&t->counters[i].misses, __ATOMIC_RELAXED);
    updates += __atomic_load_n(&t->counters[i].updates, __ATOMIC_RELAXED);
  }
  rte_spinlock_lock(&t->lock);
  n_valid = t->n_valid;
  rte_spinlock_unlock(&t->lock);
  fprintf(out, "neighbors=%u lookups=%llu misses=%llu updates=%llu\n", n_valid,
          (unsigned long long)lookups, (unsigned long long)misses, (unsigned long long)updates);
}

/* Forwarding loop body for one burst. */
unsigned forward_burst(struct neigh_table* t, const uint32_t* next_hops, unsigned n,
                       uint8_t (*macs)[6]) {
  unsigned resolved = 0;
  for (unsigned i = 0; i < n; i++) {
    if (neigh_lookup(t, next_hops[i], macs[i])) resolved++;
  }
  return resolved;
}
