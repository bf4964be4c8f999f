// Block cache eviction of the Strata storage engine. The declared lock
// order is table mutex before cache-shard mutex (a reader holds the table
// mutex while it populates the cache); the eviction path takes them the
// other way round.

#include <cstdint>
#include <list>
#include <unordered_map>

#include "mock/strata_sync.h"

namespace strata {

class TableHandleSet {
 public:
  Mutex mu;
  std::unordered_map<uint64_t, int> refs GUARDED_BY(mu);
};

class BlockCacheShard {
 public:
  explicit BlockCacheShard(TableHandleSet* tables) : tables_(tables) {}

  // Called by readers with no lock held.
  void Insert(uint64_t table_id, uint64_t block_id, size_t charge) {
    MutexLock t(&tables_->mu);
    MutexLock c(&mu_);
    lru_.push_front(Key{table_id, block_id, charge});
    usage_ += charge;
    tables_->refs[table_id]++;
  }

  void EvictTo(size_t capacity) {
    MutexLock c(&mu_);
    while (usage_ > capacity && !lru_.empty()) {
      const Key victim = lru_.back();
      lru_.pop_back();
      usage_ -= victim.charge;
      MutexLock t(&tables_->mu);  // EXPECT: concurrency-lock-balance
      if (--tables_->refs[victim.table_id] == 0) {
        tables_->refs.erase(victim.table_id);
      }
    }
  }

 private:
  struct Key {
    uint64_t table_id;
    uint64_t block_id;
    size_t charge;
  };

  TableHandleSet* const tables_;
  Mutex mu_ ACQUIRED_AFTER(tables_->mu);
  std::list<Key> lru_ GUARDED_BY(mu_);
  size_t usage_ GUARDED_BY(mu_) = 0;
};

}  // namespace strata
