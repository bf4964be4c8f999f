// Ceph-style placement-group log trimmer: the op threads append entries
// under the PG lock, the trim thread copies what it needs while holding the
// lock and does the slow encoding after releasing it. The lock is always
// taken through lock_pg(), which hands back the unique_lock that holds it.
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "mock/ceph_mutex.h"

struct pg_log_entry_t {
  uint64_t version;
  std::string oid;
};

class ObjectStore {
 public:
  void queue_trim_transaction(const std::string& pgid, const bufferlist& bl);
};

class PGLogTrimmer {
 public:
  PGLogTrimmer(std::string pgid, ObjectStore* store) : pgid(std::move(pgid)), store(store) {}

  void append(pg_log_entry_t e) {
    auto l = lock_pg();
    head = e.version;
    log.push_back(std::move(e));
  }

  void set_trim_to(uint64_t v) {
    auto l = lock_pg();
    if (v > trim_to) trim_to = v;
  }

  // Trim thread.
  void trim() {
    std::vector<pg_log_entry_t> trimmed;
    auto l = lock_pg();
    while (!log.empty() && log.front().version <= trim_to) {
      trimmed.push_back(std::move(log.front()));
      log.pop_front();
    }
    uint64_t new_tail = log.empty() ? head : log.front().version;
    tail = new_tail;
    l.unlock();

    // Encoding may take a while; only the local copies are used here.
    bufferlist bl;
    for (const pg_log_entry_t& e : trimmed) bl.append(e.oid + "@" + std::to_string(e.version));
    bl.append("tail=" + std::to_string(new_tail));
    store->queue_trim_transaction(pgid, bl);
  }

  uint64_t get_tail() {
    auto l = lock_pg();
    return tail;
  }

  // The pg id is fixed at construction, so it is read without the lock.
  const std::string& get_pgid() const { return pgid; }

 private:
  std::unique_lock<ceph::mutex> lock_pg() { return std::unique_lock<ceph::mutex>(pg_lock); }

  const std::string pgid;
  ObjectStore* const store;
  ceph::mutex pg_lock = ceph::make_mutex("PGLogTrimmer::pg_lock");
  std::deque<pg_log_entry_t> log;
  uint64_t head = 0;
  uint64_t tail = 0;
  uint64_t trim_to = 0;
};
