// Sharded LRU block cache. Each shard has its own spin lock; the outer
// cache only routes keys to shards.
#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tbb_mock.h"

namespace storage {

class BlockCache {
 public:
  explicit BlockCache(size_t shards, size_t capacity_per_shard) : shards_(shards) {
    for (Shard& s : shards_) s.capacity = capacity_per_shard;
  }

  bool Lookup(uint64_t key, std::string* value) { return ShardFor(key).Lookup(key, value); }
  void Insert(uint64_t key, std::string value) { ShardFor(key).Insert(key, std::move(value)); }

  size_t TotalEntries() {
    size_t total = 0;
    for (Shard& s : shards_) total += s.Size();
    return total;
  }

 private:
  class Shard {
   public:
    bool Lookup(uint64_t key, std::string* value) {
      tbb::spin_mutex::scoped_lock lock(mutex);
      auto it = index.find(key);
      if (it == index.end()) return false;
      lru.splice(lru.begin(), lru, it->second);
      *value = it->second->second;
      return true;
    }

    void Insert(uint64_t key, std::string value) {
      tbb::spin_mutex::scoped_lock lock(mutex);
      auto it = index.find(key);
      if (it != index.end()) lru.erase(it->second);
      lru.emplace_front(key, std::move(value));
      index[key] = lru.begin();
      if (lru.size() > capacity) {
        index.erase(lru.back().first);
        lru.pop_back();
      }
    }

    size_t Size() const {
      return lru.size();  // EXPECT: concurrency-unguarded-field
    }

    size_t capacity = 0;

   private:
    tbb::spin_mutex mutex;
    std::list<std::pair<uint64_t, std::string>> lru;
    std::unordered_map<uint64_t, std::list<std::pair<uint64_t, std::string>>::iterator> index;
  };

  Shard& ShardFor(uint64_t key) { return shards_[key % shards_.size()]; }

  std::vector<Shard> shards_;
};

}  // namespace storage
