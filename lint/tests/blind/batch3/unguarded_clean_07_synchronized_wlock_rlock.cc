// DNS cache in folly style: the map lives inside a Synchronized<T> and is
// only reached through wlock()/rlock() handles, so no raw field is touched
// without its lock. The handle types are small stand-ins for folly's.
#include <chrono>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace folly_lite {

template <typename T>
class Synchronized {
 public:
  class WLocked {
   public:
    WLocked(T& data, std::shared_mutex& mu) : data_(data), lock_(mu) {}
    T* operator->() { return &data_; }
    T& operator*() { return data_; }

   private:
    T& data_;
    std::unique_lock<std::shared_mutex> lock_;
  };
  class RLocked {
   public:
    RLocked(const T& data, std::shared_mutex& mu) : data_(data), lock_(mu) {}
    const T* operator->() const { return &data_; }
    const T& operator*() const { return data_; }

   private:
    const T& data_;
    std::shared_lock<std::shared_mutex> lock_;
  };

  WLocked wlock() { return WLocked(data_, mu_); }
  RLocked rlock() const { return RLocked(data_, mu_); }

 private:
  T data_;
  mutable std::shared_mutex mu_;
};

}  // namespace folly_lite

namespace dns {

struct Answer {
  std::string address;
  std::chrono::steady_clock::time_point expires;
};

class ResolverCache {
 public:
  std::optional<std::string> Lookup(const std::string& host) const {
    auto now = std::chrono::steady_clock::now();
    auto locked = cache_.rlock();
    auto it = locked->find(host);
    if (it == locked->end() || it->second.expires < now) return std::nullopt;
    return it->second.address;
  }

  void Store(const std::string& host, std::string address,
             std::chrono::seconds ttl) {
    Answer a{std::move(address), std::chrono::steady_clock::now() + ttl};
    cache_.wlock()->insert_or_assign(host, std::move(a));
  }

  void Flush() { cache_.wlock()->clear(); }

  size_t size() const { return cache_.rlock()->size(); }

 private:
  folly_lite::Synchronized<std::unordered_map<std::string, Answer>> cache_;
};

}  // namespace dns
