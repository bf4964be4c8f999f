// Object-store bucket index shard in the style of Ceph's RGW: the shard's
// maps are filled by the constructor (through a helper only it calls) and
// dumped by the destructor without the lock; every other access holds it.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ceph_common.h"

struct rgw_bucket_dir_entry {
  std::string key;
  uint64_t size = 0;
  bool exists = true;
};

class BucketIndexShard {
 public:
  BucketIndexShard(int shard_id, const std::vector<rgw_bucket_dir_entry>& initial)
      : shard_id(shard_id) {
    load_initial(initial);
  }

  ~BucketIndexShard() {
    dout(20) << "shard " << shard_id << " destroyed with " << entries.size() << " entries, "
             << total_bytes << " bytes" << dendl;
  }

  void link(const rgw_bucket_dir_entry& e) {
    std::lock_guard l{lock};
    auto& slot = entries[e.key];
    total_bytes -= slot.size;
    slot = e;
    total_bytes += e.size;
  }

  bool unlink(const std::string& key) {
    std::lock_guard l{lock};
    auto it = entries.find(key);
    if (it == entries.end()) return false;
    total_bytes -= it->second.size;
    entries.erase(it);
    return true;
  }

  uint64_t get_total_bytes() {
    std::lock_guard l{lock};
    return total_bytes;
  }

 private:
  // Only called from the constructor.
  void load_initial(const std::vector<rgw_bucket_dir_entry>& initial) {
    for (const auto& e : initial) {
      entries[e.key] = e;
      total_bytes += e.size;
    }
  }

  const int shard_id;
  ceph::mutex lock = ceph::make_mutex("BucketIndexShard::lock");
  std::map<std::string, rgw_bucket_dir_entry> entries;
  uint64_t total_bytes = 0;
};
