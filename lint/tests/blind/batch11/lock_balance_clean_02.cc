// Iteration protocol for a shared symbol table: callers bracket a scan
// with LockForScan()/UnlockAfterScan(), annotated so that the analysis
// knows the lock is handed across the calls.
#include <cstdint>
#include <string>
#include <vector>

#include "common_mutex.h"

namespace symtab {

class SymbolTable {
 public:
  void LockForScan() ACQUIRE(mu_) { mu_.Lock(); }
  void UnlockAfterScan() RELEASE(mu_) { mu_.Unlock(); }

  size_t SizeLocked() const REQUIRES(mu_) { return names_.size(); }
  const std::string& AtLocked(size_t i) const REQUIRES(mu_) { return names_[i]; }

  void Add(std::string name) {
    util::MutexLock lock(&mu_);
    AddLocked(std::move(name));
  }

 private:
  void AddLocked(std::string name) {
    mu_.AssertHeld();
    names_.push_back(std::move(name));
    ++generation_;
  }

  util::Mutex mu_;
  std::vector<std::string> names_ GUARDED_BY(mu_);
  uint64_t generation_ GUARDED_BY(mu_) = 0;
};

size_t CountWithPrefix(SymbolTable& table, const std::string& prefix) {
  size_t n = 0;
  table.LockForScan();
  for (size_t i = 0; i < table.SizeLocked(); ++i) {
    if (table.AtLocked(i).rfind(prefix, 0) == 0) ++n;
  }
  table.UnlockAfterScan();
  return n;
}

bool ContainsEmpty(SymbolTable& table) {
  table.LockForScan();
  for (size_t i = 0; i < table.SizeLocked(); ++i) {
    if (table.AtLocked(i).empty()) {
      table.UnlockAfterScan();
      return true;
    }
  }
  table.UnlockAfterScan();
  return false;
}

}  // namespace symtab
