// DuckDB-style two-phase hash join build: a helper thread builds the
// right-hand partitions while the caller builds the left-hand ones. Every
// way out of the function joins the helper first, including the rethrow
// from the catch-all handler.
#include "mock/duckdb_common.h"

namespace duckdb {

struct Partition {
  vector<idx_t> rows;
  bool overflow = false;
};

constexpr idx_t kMaxPartitionRows = 1 << 20;

void BuildPartition(Partition& partition, idx_t seed) noexcept {
  for (idx_t i = 0; i < 1024; i++) partition.rows.push_back(seed * 1024 + i);
  partition.overflow = partition.rows.size() > kMaxPartitionRows;
}

bool BuildPartitionsInParallel(vector<Partition>& partitions) {
  idx_t half = partitions.size() / 2;
  thread helper([&partitions, half] {
    for (idx_t i = half; i < partitions.size(); i++) BuildPartition(partitions[i], i);
  });

  try {
    for (idx_t i = 0; i < half; i++) {
      BuildPartition(partitions[i], i);
      if (partitions[i].overflow) {
        helper.join();
        return false;
      }
    }
    if (half == 0) throw InternalException("nothing to build");
  } catch (...) {
    helper.join();
    throw;
  }
  helper.join();
  return true;
}

class HashJoinBuilder {
 public:
  bool Build(idx_t count) {
    vector<Partition> partitions(count);
    bool ok = BuildPartitionsInParallel(partitions);
    lock_guard<mutex> guard(lock);
    builds++;
    if (ok) built_rows += count * 1024;
    return ok;
  }

  idx_t BuiltRows() {
    lock_guard<mutex> guard(lock);
    return built_rows;
  }

 private:
  mutex lock;
  idx_t builds = 0;
  idx_t built_rows = 0;
};

}  // namespace duckdb
