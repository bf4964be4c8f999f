// A Seastar-style per-shard request counter and LRU. Each shard owns its own
// instance and only the shard's reactor thread touches it; cross-shard work
// travels as messages (submit_to / invoke_on) carrying copies, so nothing
// here needs a lock.
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "seastar/core/future.hh"
#include "seastar/core/sharded.hh"
#include "seastar/core/smp.hh"

namespace kv {

struct ShardStats {
  uint64_t gets = 0;
  uint64_t sets = 0;
  uint64_t evictions = 0;
};

// One instance per shard; thread-confined to the owning shard's reactor.
class ShardCache {
 public:
  explicit ShardCache(size_t capacity) : capacity_(capacity) {}

  seastar::future<std::string> get(const std::string& key) {
    ++stats_.gets;
    auto it = index_.find(key);
    if (it == index_.end()) return seastar::make_ready_future<std::string>("");
    lru_.splice(lru_.begin(), lru_, it->second);
    return seastar::make_ready_future<std::string>(it->second->second);
  }

  seastar::future<> set(std::string key, std::string value) {
    ++stats_.sets;
    auto it = index_.find(key);
    if (it != index_.end()) {
      it->second->second = std::move(value);
      lru_.splice(lru_.begin(), lru_, it->second);
      return seastar::make_ready_future();
    }
    lru_.emplace_front(key, std::move(value));
    index_[std::move(key)] = lru_.begin();
    if (lru_.size() > capacity_) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
      ++stats_.evictions;
    }
    return seastar::make_ready_future();
  }

  ShardStats stats() const { return stats_; }

 private:
  const size_t capacity_;
  std::list<std::pair<std::string, std::string>> lru_;  // thread-confined
  std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator>
      index_;         // thread-confined
  ShardStats stats_;  // thread-confined
};

inline seastar::shard_id shard_of(const std::string& key) {
  return static_cast<seastar::shard_id>(std::hash<std::string>()(key) % seastar::smp::count);
}

// Front end: routes each key to the shard that owns it.
class DistributedCache {
 public:
  explicit DistributedCache(seastar::sharded<ShardCache>& shards) : shards_(shards) {}

  seastar::future<std::string> get(std::string key) {
    const seastar::shard_id owner = shard_of(key);
    return shards_.invoke_on(owner, [key = std::move(key)](ShardCache& c) { return c.get(key); });
  }

  seastar::future<> set(std::string key, std::string value) {
    const seastar::shard_id owner = shard_of(key);
    return shards_.invoke_on(owner, [key = std::move(key), value = std::move(value)](
                                        ShardCache& c) mutable {
      return c.set(std::move(key), std::move(value));
    });
  }

  // Gathers copies of every shard's stats onto the calling shard.
  ShardStats total_stats() {
    ShardStats total;
    for (seastar::shard_id id = 0; id < seastar::smp::count; ++id) {
      ShardStats s = seastar::smp::submit_to(id, [this] { return shards_.local().stats(); });
      total.gets += s.gets;
      total.sets += s.sets;
      total.evictions += s.evictions;
    }
    return total;
  }

 private:
  seastar::sharded<ShardCache>& shards_;
};

}  // namespace kv
