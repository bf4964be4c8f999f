// -*- mode:C++; tab-width:8; c-basic-offset:2; indent-tabs-mode:t -*-
// vim: ts=8 sw=2 smarttab
/*
 * Offline fsck of an object store: scans each collection on its own thread
 * and reports the total number of inconsistent objects.
 */

#include "ceph/ceph_mutex.h"

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace ceph {

struct collection_t {
  std::string name;
  std::vector<std::string> objects;
};

class StoreFsck {
public:
  explicit StoreFsck(bool deep) : deep(deep) {}

  uint64_t run(const std::vector<collection_t>& colls) {
    uint64_t errors = 0;
    uint64_t scanned = 0;
    std::vector<std::thread> threads;
    threads.reserve(colls.size());
    for (const auto& c : colls) {
      threads.emplace_back([&, this] {
	for (const auto& oid : c.objects) {
	  if (!check_object(c.name, oid))
	    ++errors; // EXPECT: concurrency-closure-captures-mutable
	}
      });
      scanned += c.objects.size();
    }
    for (auto& t : threads)
      t.join();
    std::lock_guard l{lock};
    last_scanned = scanned;
    return errors;
  }

  uint64_t get_last_scanned() {
    std::lock_guard l{lock};
    return last_scanned;
  }

private:
  bool check_object(const std::string& coll, const std::string& oid) const {
    return deep ? !oid.empty() && !coll.empty() : !oid.empty();
  }

  const bool deep;
  ceph::mutex lock = ceph::make_mutex("StoreFsck::lock");
  uint64_t last_scanned = 0;
};

} // namespace ceph
