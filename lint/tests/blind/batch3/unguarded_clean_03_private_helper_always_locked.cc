// LRU session cache on std::mutex, unannotated. The private, non-virtual
// helpers Touch() and EvictIfFull() have no annotation but are only ever
// called with mu_ held, so they start with the lock held.
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace web {

class SessionCache {
 public:
  explicit SessionCache(size_t capacity) : capacity_(capacity) {}

  void Put(const std::string& id, std::string user) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(id);
    if (it != index_.end()) {
      it->second->second = std::move(user);
      Touch(it->second);
      return;
    }
    lru_.emplace_front(id, std::move(user));
    index_[id] = lru_.begin();
    EvictIfFull();
  }

  bool Get(const std::string& id, std::string* user) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(id);
    if (it == index_.end()) return false;
    Touch(it->second);
    *user = it->second->second;
    return true;
  }

  size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return index_.size();
  }

 private:
  using Entry = std::pair<std::string, std::string>;

  void Touch(std::list<Entry>::iterator pos) {
    lru_.splice(lru_.begin(), lru_, pos);
  }

  void EvictIfFull() {
    while (index_.size() > capacity_) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
  }

  const size_t capacity_;
  std::mutex mu_;
  std::list<Entry> lru_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace web
