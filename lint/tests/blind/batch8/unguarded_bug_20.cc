/*
 * lru_map.cc - a bounded, reader/writer-locked LRU map used by the resolver
 * to cache DNS answers and by the router to cache ACL decisions.
 */

#include <pthread.h>

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

namespace netcache {

template <typename K, typename V>
class LruMap {
 public:
  explicit LruMap(size_t capacity) : capacity_(capacity) {
    pthread_rwlock_init(&lock_, nullptr);
  }
  ~LruMap() { pthread_rwlock_destroy(&lock_); }

  LruMap(const LruMap&) = delete;
  LruMap& operator=(const LruMap&) = delete;

  void Put(const K& key, V value) {
    pthread_rwlock_wrlock(&lock_);
    auto it = index_.find(key);
    if (it != index_.end()) {
      order_.erase(it->second);
      index_.erase(it);
    }
    order_.emplace_front(key, std::move(value));
    index_[key] = order_.begin();
    if (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    pthread_rwlock_unlock(&lock_);
  }

  // Lookups take the read lock only and do not refresh the entry's position:
  // the cache is approximate LRU so that hits never serialize.
  bool Get(const K& key, V* out) {
    pthread_rwlock_rdlock(&lock_);
    auto it = index_.find(key);
    bool found = it != index_.end();
    if (found) *out = it->second->second;
    pthread_rwlock_unlock(&lock_);
    return found;
  }

  void Erase(const K& key) {
    pthread_rwlock_wrlock(&lock_);
    auto it = index_.find(key);
    if (it != index_.end()) {
      order_.erase(it->second);
      index_.erase(it);
    }
    pthread_rwlock_unlock(&lock_);
  }

  size_t size() const { return order_.size(); }  // EXPECT: concurrency-unguarded-field

  bool full() const { return index_.size() >= capacity_; }  // EXPECT: concurrency-unguarded-field

 private:
  using Entry = std::pair<K, V>;

  const size_t capacity_;
  pthread_rwlock_t lock_;
  std::list<Entry> order_;
  std::unordered_map<K, typename std::list<Entry>::iterator> index_;
};

template class LruMap<std::string, std::string>;

}  // namespace netcache

size_t CachedAnswers(netcache::LruMap<std::string, std::string>& cache) {
  return cache.full() ? cache.size() : 0;
}
