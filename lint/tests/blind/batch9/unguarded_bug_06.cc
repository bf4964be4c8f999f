// A script compile cache in the style of V8's CompilationCache, with a byte
// budget that a memory-pressure listener can shrink from any thread.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

#include "src/base/logging.h"
#include "src/base/platform/mutex.h"

namespace v8 {
namespace internal {

enum class MemoryPressureLevel { kNone, kModerate, kCritical };

struct CacheKey {
  int script_id;
  std::string source_hash;
  bool operator==(const CacheKey& o) const {
    return script_id == o.script_id && source_hash == o.source_hash;
  }
};

struct CacheKeyHash {
  size_t operator()(const CacheKey& k) const {
    return std::hash<std::string>()(k.source_hash) ^ static_cast<size_t>(k.script_id);
  }
};

struct CachedCode {
  std::string bytecode;
  size_t size = 0;
  int hits = 0;
};

class ScriptCompileCache {
 public:
  explicit ScriptCompileCache(size_t budget_bytes) : budget_bytes_(budget_bytes) {}

  void Put(const CacheKey& key, std::string bytecode) {
    base::MutexGuard guard(&mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) EraseEntry(it);
    CachedCode code;
    code.size = bytecode.size();
    code.bytecode = std::move(bytecode);
    bytes_ += code.size;
    lru_.push_front(key);
    entries_.emplace(key, std::move(code));
    while (IsOverBudget() && !lru_.empty()) EvictOldest();
  }

  bool Lookup(const CacheKey& key, std::string* bytecode_out) {
    base::MutexGuard guard(&mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return false;
    ++it->second.hits;
    *bytecode_out = it->second.bytecode;
    return true;
  }

  void Remove(const CacheKey& key) {
    base::MutexGuard guard(&mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) EraseEntry(it);
  }

  // Called by the embedder's memory-pressure notification, on any thread.
  void OnMemoryPressure(MemoryPressureLevel level) {
    if (level == MemoryPressureLevel::kNone) return;
    size_t shrink_to = budget_bytes_.load(std::memory_order_relaxed) / 2;
    budget_bytes_.store(shrink_to, std::memory_order_relaxed);
    if (!IsOverBudget()) return;  // cheap early-out before taking the lock
    base::MutexGuard guard(&mutex_);
    while (IsOverBudget() && !lru_.empty()) EvictOldest();
    pressure_evictions_++;
  }

  size_t SizeInBytes() {
    base::MutexGuard guard(&mutex_);
    return bytes_;
  }

  int pressure_evictions() {
    base::MutexGuard guard(&mutex_);
    return pressure_evictions_;
  }

 private:
  using Map = std::unordered_map<CacheKey, CachedCode, CacheKeyHash>;

  bool IsOverBudget() const { return bytes_ > budget_bytes_.load(std::memory_order_relaxed); }  // EXPECT: concurrency-unguarded-field

  void EvictOldest() {
    DCHECK(!lru_.empty());
    auto it = entries_.find(lru_.back());
    lru_.pop_back();
    if (it == entries_.end()) return;
    bytes_ -= it->second.size;
    entries_.erase(it);
  }

  void EraseEntry(Map::iterator it) {
    for (auto l = lru_.begin(); l != lru_.end(); ++l) {
      if (*l == it->first) {
        lru_.erase(l);
        break;
      }
    }
    bytes_ -= it->second.size;
    entries_.erase(it);
  }

  base::Mutex mutex_;
  Map entries_;
  std::list<CacheKey> lru_;
  size_t bytes_ = 0;
  int pressure_evictions_ = 0;
  std::atomic<size_t> budget_bytes_;
};

}  // namespace internal
}  // namespace v8
