// Symbol interning table for a parallel build graph loader using TBB.
// The concurrent_hash_map synchronizes itself; the id allocator and the
// reverse table are protected by a spin mutex and a reader-writer mutex.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tbb_mock.h"

namespace buildgraph {

class SymbolTable {
 public:
  uint32_t Intern(const std::string& name) {
    {
      SymbolMap::const_accessor found;
      if (ids_.find(found, name)) return found->second;
    }
    SymbolMap::accessor slot;
    if (!ids_.insert(slot, name)) return slot->second;

    tbb::spin_mutex::scoped_lock id_lock;
    id_lock.acquire(id_mutex_);
    const uint32_t id = next_id_++;
    id_lock.release();

    slot->second = id;
    tbb::queuing_rw_mutex::scoped_lock names_lock(names_mutex_, /*write=*/true);
    if (names_.size() <= id) names_.resize(id + 1);
    names_[id] = name;
    return id;
  }

  std::string NameOf(uint32_t id) {
    tbb::queuing_rw_mutex::scoped_lock names_lock(names_mutex_, /*write=*/false);
    return id < names_.size() ? names_[id] : std::string();
  }

  uint32_t NumAllocated() {
    tbb::spin_mutex::scoped_lock id_lock(id_mutex_);
    return next_id_;
  }

  size_t NumInterned() const { return ids_.size(); }

 private:
  using SymbolMap = tbb::concurrent_hash_map<std::string, uint32_t>;

  SymbolMap ids_;
  tbb::spin_mutex id_mutex_;
  uint32_t next_id_ = 0;
  tbb::queuing_rw_mutex names_mutex_;
  std::vector<std::string> names_;
};

}  // namespace buildgraph
