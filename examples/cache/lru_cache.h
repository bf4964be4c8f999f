// A thread-safe LRU cache of strings, shared by request handlers.
#ifndef LOCKSTEP_EXAMPLES_CACHE_LRU_CACHE_H_
#define LOCKSTEP_EXAMPLES_CACHE_LRU_CACHE_H_

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace examples {

class LruCache {
 public:
  explicit LruCache(size_t capacity);

  std::optional<std::string> Get(const std::string& key);
  void Put(const std::string& key, std::string value);
  void Erase(const std::string& key);
  size_t size() const;
  // "hits=.. misses=.." for the status page.
  std::string Stats() const;
  void ResetStats();

 private:
  using Entry = std::pair<std::string, std::string>;

  void Touch(std::list<Entry>::iterator entry)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void EvictIfFull();

  const size_t capacity_;
  mutable absl::Mutex mu_;
  std::list<Entry> order_ ABSL_GUARDED_BY(mu_);  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_
      ABSL_GUARDED_BY(mu_);
  long hits_ = 0;
  long misses_ = 0;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_CACHE_LRU_CACHE_H_
