// The set of locks held at a program point, as computed by FunctionAnalyzer.
#ifndef LOCKSTEP_LINT_ANALYSIS_LOCKSET_H_
#define LOCKSTEP_LINT_ANALYSIS_LOCKSET_H_

#include <map>
#include <set>
#include <string>

namespace lockstep::lint {

// Locks are named by a canonical key, stable across the methods of a class:
// "this.Cache::mu_" for a member mutex of the object the method runs on,
// "global:g_mu" for a global, "local:lock" for a local. The value records
// whether the lock is held exclusively (true) or only shared (false).
class Lockset {
 public:
  void Acquire(const std::string& key, bool exclusive) {
    auto [it, inserted] = held_.emplace(key, exclusive);
    if (!inserted) it->second = it->second || exclusive;
    released_.erase(key);
  }
  // A guard going out of scope.
  void Release(const std::string& key) { held_.erase(key); }
  // An explicit Unlock()/unlock()/Release() in the middle of a function: the
  // code drops the lock on purpose, remembered until it is taken again.
  void ReleaseExplicitly(const std::string& key) {
    if (held_.erase(key) > 0) released_.insert(key);
  }

  bool Holds(const std::string& key) const { return held_.count(key) > 0; }
  bool HoldsExclusive(const std::string& key) const {
    auto it = held_.find(key);
    return it != held_.end() && it->second;
  }
  bool empty() const { return held_.empty(); }
  // True when some lock is held in both sets: the two points exclude each
  // other.
  bool SharesLockWith(const Lockset& other) const {
    for (const auto& [key, exclusive] : held_) {
      if (other.Holds(key)) return true;
    }
    return false;
  }
  const std::map<std::string, bool>& held() const { return held_; }
  // Locks explicitly released earlier in the function and not yet retaken.
  const std::set<std::string>& released() const { return released_; }

  // Keeps only the locks held on both paths (a lock held on one incoming path
  // is not held after the join), shared unless both are exclusive.
  // Explicit releases are remembered if they happened on either path.
  void IntersectWith(const Lockset& other) {
    released_.insert(other.released_.begin(), other.released_.end());
    for (auto it = held_.begin(); it != held_.end();) {
      auto theirs = other.held_.find(it->first);
      if (theirs == other.held_.end()) {
        it = held_.erase(it);
      } else {
        it->second = it->second && theirs->second;
        ++it;
      }
    }
  }

  // The same locks under other names: `rename` maps each key to its new
  // name (a free function's receiver's locks to its object's, "this.").
  template <typename Rename>
  Lockset Renamed(const Rename& rename) const {
    Lockset renamed;
    for (const auto& [key, exclusive] : held_)
      renamed.held_.emplace(rename(key), exclusive);
    for (const std::string& key : released_)
      renamed.released_.insert(rename(key));
    return renamed;
  }

  bool operator==(const Lockset& other) const {
    return held_ == other.held_ && released_ == other.released_;
  }
  bool operator!=(const Lockset& other) const { return !(*this == other); }

 private:
  std::map<std::string, bool> held_;
  std::set<std::string> released_;
};

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_LOCKSET_H_
