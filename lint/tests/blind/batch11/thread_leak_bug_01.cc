// Offline object-store consistency checker in the style of a Ceph admin
// tool: a helper thread prefetches object metadata while the main thread
// verifies checksums.
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "ceph_common.h"

struct ObjectMeta {
  std::string oid;
  uint32_t crc = 0;
};

class ObjectStoreReader {
 public:
  virtual ~ObjectStoreReader() = default;
  virtual bool prefetch(const std::string& oid) = 0;
  virtual bool read_meta(const std::string& oid, ObjectMeta* out) = 0;
};

uint32_t compute_crc(const std::string& oid) {
  uint32_t crc = 0;
  for (char c : oid) crc = crc * 31 + static_cast<unsigned char>(c);
  return crc;
}

// Returns the number of objects whose stored crc does not match, or -1 on
// a read error.
int fsck_collection(ObjectStoreReader& store, const std::vector<std::string>& oids) {
  std::atomic<size_t> prefetched{0};
  std::thread prefetcher([&store, &oids, &prefetched] {  // EXPECT: concurrency-thread-leak
    for (const std::string& oid : oids) {
      store.prefetch(oid);
      prefetched.fetch_add(1);
    }
  });

  int mismatches = 0;
  for (const std::string& oid : oids) {
    ObjectMeta meta;
    if (!store.read_meta(oid, &meta)) {
      dout(0) << "fsck: cannot read " << oid << dendl;
      return -1;
    }
    if (meta.crc != compute_crc(oid)) ++mismatches;
  }
  prefetcher.join();
  return mismatches;
}
