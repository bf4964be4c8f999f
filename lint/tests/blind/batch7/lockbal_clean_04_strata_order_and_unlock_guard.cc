// Block cache eviction of the Strata storage engine, taking the table mutex
// before the cache-shard mutex everywhere, as declared. The shard mutex is
// dropped around the table-handle release with a scoped unlock guard, which
// takes it back at the end of the scope.

#include <cstdint>
#include <list>
#include <unordered_map>

#include "mock/strata_sync.h"

namespace strata {

class TableRefs {
 public:
  void Release(uint64_t table_id) {
    MutexLock l(&mu_);
    auto it = refs_.find(table_id);
    if (it != refs_.end() && --it->second == 0) refs_.erase(it);
  }
  void Acquire(uint64_t table_id) {
    MutexLock l(&mu_);
    refs_[table_id]++;
  }

 private:
  Mutex mu_;
  std::unordered_map<uint64_t, int> refs_ GUARDED_BY(mu_);
};

class CacheShard {
 public:
  explicit CacheShard(TableRefs* refs) : refs_(refs) {}

  // A table reopen bumps the generation; entries record the generation they
  // were inserted in, for the cache dump.
  void BumpGeneration() {
    MutexLock t(&table_mu_);
    ++generation_;
  }

  void Insert(uint64_t table_id, size_t charge) {
    MutexLock t(&table_mu_);
    MutexLock l(&mu_);
    lru_.push_front(Entry{table_id, charge, generation_});
    usage_ += charge;
    refs_->Acquire(table_id);
  }

  void EvictTo(size_t capacity) {
    MutexLock l(&mu_);
    while (usage_ > capacity && !lru_.empty()) {
      const Entry victim = lru_.back();
      lru_.pop_back();
      usage_ -= victim.charge;
      {
        MutexUnlock unlock(&mu_);
        refs_->Release(victim.table_id);
      }
    }
  }

 private:
  struct Entry {
    uint64_t table_id;
    size_t charge;
    uint64_t generation;
  };

  TableRefs* const refs_;
  Mutex table_mu_;
  uint64_t generation_ GUARDED_BY(table_mu_) = 0;
  Mutex mu_ ACQUIRED_AFTER(table_mu_);
  std::list<Entry> lru_ GUARDED_BY(mu_);
  size_t usage_ GUARDED_BY(mu_) = 0;
};

}  // namespace strata
