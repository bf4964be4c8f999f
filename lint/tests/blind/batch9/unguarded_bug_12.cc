// A DPDK-style flow table shared by the RX lcores (inserting and refreshing
// flows) and the control-plane lcore (ageing them out once a second).
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rte_spinlock.h"

#define FLOW_TABLE_SIZE 4096
#define FLOW_TABLE_MASK (FLOW_TABLE_SIZE - 1)

struct flow_key {
  uint32_t src_ip;
  uint32_t dst_ip;
  uint16_t src_port;
  uint16_t dst_port;
  uint8_t proto;
};

struct flow_entry {
  struct flow_key key;
  uint64_t last_seen;
  uint64_t packets;
  uint64_t bytes;
  uint8_t in_use;
};

struct flow_stats {
  uint64_t inserts;
  uint64_t evictions;
  uint64_t collisions;
};

struct flow_table {
  rte_spinlock_t lock;
  uint32_t n_entries;
  struct flow_stats stats;
  struct flow_entry entries[FLOW_TABLE_SIZE];
};

static inline uint32_t flow_hash(const struct flow_key* k) {
  uint32_t h = k->src_ip * 2654435761u;
  h ^= k->dst_ip + 0x9e3779b9u + (h << 6) + (h >> 2);
  h ^= ((uint32_t)k->src_port << 16) | k->dst_port;
  return h ^ k->proto;
}

static inline int flow_key_eq(const struct flow_key* a, const struct flow_key* b) {
  return a->src_ip == b->src_ip && a->dst_ip == b->dst_ip && a->src_port == b->src_port &&
         a->dst_port == b->dst_port && a->proto == b->proto;
}

void flow_table_init(struct flow_table* t) {
  memset(t, 0, sizeof(*t));
  rte_spinlock_init(&t->lock);
}

/* RX lcores: account a packet to its flow, creating the flow if needed. */
int flow_table_account(struct flow_table* t, const struct flow_key* key, uint32_t len,
                       uint64_t now) {
  uint32_t slot = flow_hash(key) & FLOW_TABLE_MASK;
  int rc = 0;
  rte_spinlock_lock(&t->lock);
  struct flow_entry* e = &t->entries[slot];
  if (e->in_use && !flow_key_eq(&e->key, key)) {
    t->stats.collisions++;
    rc = -1;
  } else {
    if (!e->in_use) {
      e->key = *key;
      e->in_use = 1;
      e->packets = 0;
      e->bytes = 0;
      t->n_entries++;
      t->stats.inserts++;
    }
    e->packets++;
    e->bytes += len;
    e->last_seen = now;
  }
  rte_spinlock_unlock(&t->lock);
  return rc;
}

/* Control lcore, once a second: expire idle flows. */
uint32_t flow_table_age(struct flow_table* t, uint64_t now, uint64_t max_idle) {
  uint32_t aged = 0;
  rte_spinlock_lock(&t->lock);
  for (uint32_t i = 0; i < FLOW_TABLE_SIZE; i++) {
    struct flow_entry* e = &t->entries[i];
    if (!e->in_use || now - e->last_seen < max_idle) continue;
    e->in_use = 0;
    aged++;
  }
  rte_spinlock_unlock(&t->lock);
  /* Counters updated after dropping the lock to keep the critical section short. */
  t->n_entries -= aged;  // EXPECT: concurrency-unguarded-field
  t->stats.evictions += aged;  // EXPECT: concurrency-unguarded-field
  return aged;
}

void flow_table_dump_stats(struct flow_table* t, FILE* out) {
  struct flow_stats s;
  uint32_t n;
  rte_spinlock_lock(&t->lock);
  s = t->stats;
  n = t->n_entries;
  rte_spinlock_unlock(&t->lock);
  fprintf(out, "flows=%u inserts=%llu evictions=%llu collisions=%llu\n", n,
          (unsigned long long)s.inserts, (unsigned long long)s.evictions,
          (unsigned long long)s.collisions);
}

/* Per-lcore loop body (one call per RX burst). */
void rx_burst_account(struct flow_table* t, const struct flow_key* keys, const uint32_t* lens,
                      unsigned n) {
  uint64_t now = rte_get_timer_cycles();
  for (unsigned i = 0; i < n; i++) {
    if (flow_table_account(t, &keys[i], lens[i], now) != 0 && (i & 0xff) == 0) {
      fprintf(stderr, "lcore %u: flow slot collision\n", rte_lcore_id());
    }
  }
}
