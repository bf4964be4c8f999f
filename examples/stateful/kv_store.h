// A key-value store: entries in slots, an index from key to slot, freed
// slots reused. Get trusts the index; Delete checks the slot's key. The
// planted bug (with `stale_index_bug`): Delete frees the slot but leaves
// the key's index entry, so a later Get still finds a value.
#ifndef LOCKSTEP_EXAMPLES_STATEFUL_KV_STORE_H_
#define LOCKSTEP_EXAMPLES_STATEFUL_KV_STORE_H_

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

namespace examples {

class KvStore {
 public:
  explicit KvStore(bool stale_index_bug) : stale_index_bug_(stale_index_bug) {}

  void Put(int key, int value) {
    auto it = index_.find(key);
    if (it != index_.end() && Holds(it->second, key)) {
      slots_[it->second].value = value;
      return;
    }
    size_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
    } else {
      slot = slots_.size();
      slots_.emplace_back();
    }
    slots_[slot] = Slot{key, value, true};
    index_[key] = slot;
  }
  std::optional<int> Get(int key) const {
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    return slots_[it->second].value;
  }
  // Whether the key was there.
  bool Delete(int key) {
    auto it = index_.find(key);
    if (it == index_.end() || !Holds(it->second, key)) return false;
    slots_[it->second].used = false;
    free_.push_back(it->second);
    if (!stale_index_bug_) index_.erase(it);  // BUG (stale_index_bug): kept
    return true;
  }

 private:
  struct Slot {
    int key = 0;
    int value = 0;
    bool used = false;
  };
  bool Holds(size_t slot, int key) const {
    return slots_[slot].used && slots_[slot].key == key;
  }
  const bool stale_index_bug_;
  std::vector<Slot> slots_;
  std::vector<size_t> free_;
  std::map<int, size_t> index_;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_STATEFUL_KV_STORE_H_
