// Session registry built on a CRTP base that owns the lock. Derived
// classes take it through WithLock(mu, fn), which runs the callable while
// holding the mutex, or through MakeLock(mu), which returns the guard.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace sessions {

template <typename M>
std::unique_lock<M> MakeLock(M& mu) {
  return std::unique_lock<M>(mu);
}

template <typename M, typename Fn>
auto WithLock(M& mu, Fn&& fn) {
  std::lock_guard<M> lock(mu);
  return fn();
}

template <typename Derived>
class Synchronized {
 protected:
  Derived& self() { return static_cast<Derived&>(*this); }

  std::mutex mu_;
};

struct Session {
  std::string user;
  int64_t expires_at = 0;
};

class SessionRegistry : public Synchronized<SessionRegistry> {
 public:
  void Put(const std::string& token, Session s) {
    WithLock(mu_, [&] {
      sessions_[token] = std::move(s);
      ++generation_;
    });
  }

  bool Get(const std::string& token, Session* out) {
    return WithLock(mu_, [&] {
      auto it = sessions_.find(token);
      if (it == sessions_.end()) return false;
      *out = it->second;
      return true;
    });
  }

  size_t ExpireBefore(int64_t now) {
    auto lock = MakeLock(mu_);
    size_t removed = 0;
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      if (it->second.expires_at < now) {
        it = sessions_.erase(it);
        ++removed;
      } else {
        ++it;
      }
    }
    if (removed > 0) ++generation_;
    return removed;
  }

  uint64_t generation() {
    auto lock = MakeLock(mu_);
    return generation_;
  }

 private:
  std::map<std::string, Session> sessions_;
  uint64_t generation_ = 0;
};

}  // namespace sessions
