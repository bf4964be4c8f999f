#include "examples/cache/lru_cache.h"

#include <string>

namespace examples {

LruCache::LruCache(size_t capacity) : capacity_(capacity) {
  hits_ = 0;  // constructors need no lock: nothing else sees the object yet
  misses_ = 0;
}

std::optional<std::string> LruCache::Get(const std::string& key) {
  absl::MutexLock lock(&mu_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  Touch(it->second);
  return it->second->second;
}

void LruCache::Put(const std::string& key, std::string value) {
  absl::MutexLock lock(&mu_);
  auto it = index_.find(key);
  if (it != index_.end()) {
    it->second->second = std::move(value);
    Touch(it->second);
    return;
  }
  EvictIfFull();
  order_.emplace_front(key, std::move(value));
  index_[key] = order_.begin();
}

void LruCache::Erase(const std::string& key) {
  absl::MutexLock lock(&mu_);
  auto it = index_.find(key);
  if (it == index_.end()) return;
  order_.erase(it->second);
  index_.erase(it);
}

size_t LruCache::size() const {
  absl::MutexLock lock(&mu_);
  return index_.size();
}

std::string LruCache::Stats() const {
  // BUG: hits_ and misses_ are written under mu_ everywhere else; this read
  // for the status page races with Get().
  return "hits=" + std::to_string(hits_) + " misses=" + std::to_string(misses_);
}

void LruCache::ResetStats() {
  absl::MutexLock lock(&mu_);
  hits_ = 0;
  misses_ = 0;
}

void LruCache::Touch(std::list<Entry>::iterator entry) {
  order_.splice(order_.begin(), order_, entry);
}

// Only called from Put(), which holds mu_: the lint infers that.
void LruCache::EvictIfFull() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  if (index_.size() < capacity_) return;
  index_.erase(order_.back().first);
  order_.pop_back();
}

}  // namespace examples
