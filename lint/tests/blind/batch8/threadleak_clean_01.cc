// shard_compactor.cpp - compacts the shards of a table in parallel. Each
// shard gets a std::jthread, which joins itself on every way out.

#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tablestore {

struct Shard {
  std::string path;
  uint64_t live_bytes = 0;
  uint64_t dead_bytes = 0;
};

class Compactor {
 public:
  // Returns the number of bytes reclaimed.
  uint64_t CompactAll(std::vector<Shard>& shards, uint64_t min_dead_bytes) {
    std::vector<std::jthread> workers;
    for (Shard& shard : shards) {
      if (shard.path.empty()) throw std::invalid_argument("shard without a path");
      if (shard.dead_bytes < min_dead_bytes) continue;
      Shard* const target = &shard;
      workers.emplace_back([this, target] { CompactOne(*target); });
    }
    std::jthread reporter([this] { Report("compaction started"); });
    if (workers.empty()) return 0;
    workers.clear();
    std::lock_guard<std::mutex> lock(mu_);
    return reclaimed_;
  }

 private:
  void CompactOne(Shard& shard) {
    const uint64_t freed = shard.dead_bytes;
    shard.dead_bytes = 0;
    std::lock_guard<std::mutex> lock(mu_);
    reclaimed_ += freed;
  }

  void Report(const std::string& what) {
    std::lock_guard<std::mutex> lock(mu_);
    log_.push_back(what);
  }

  std::mutex mu_;
  uint64_t reclaimed_ = 0;
  std::vector<std::string> log_;
};

}  // namespace tablestore
