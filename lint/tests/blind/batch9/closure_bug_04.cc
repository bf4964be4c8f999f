// Shard replication for a search cluster: after a mapping change, every
// shard is copied to its new replica in parallel, one thread per shard, and
// the caller gets the number of shards that failed.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace search {

struct ShardAssignment {
  int shard_id;
  std::string from_node;
  std::string to_node;
  uint64_t docs;
};

struct ReplicationOptions {
  uint64_t max_docs_per_second = 50000;
  int max_retries = 3;
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual bool CopySegment(const std::string& from, const std::string& to, int shard,
                           uint64_t offset, uint64_t count) = 0;
};

class ShardReplicator {
 public:
  ShardReplicator(Transport* transport, ReplicationOptions options)
      : transport_(transport), options_(options) {}

  // Returns the number of shards that could not be replicated.
  size_t ReplicateAll(const std::vector<ShardAssignment>& assignments) {
    size_t failures = 0;
    std::vector<std::thread> threads;
    threads.reserve(assignments.size());
    for (const ShardAssignment& a : assignments) {
      threads.emplace_back([&, a] {
        if (!ReplicateShard(a)) {
          ++failures;  // EXPECT: concurrency-closure-captures-mutable
        }
        RecordDone(a.shard_id);
      });
    }
    for (std::thread& t : threads) t.join();
    return failures;
  }

  std::vector<int> completed() {
    std::lock_guard<std::mutex> lock(mu_);
    return completed_;
  }

 private:
  bool ReplicateShard(const ShardAssignment& a) const {
    const uint64_t chunk = options_.max_docs_per_second;
    for (uint64_t offset = 0; offset < a.docs; offset += chunk) {
      const uint64_t count = std::min(chunk, a.docs - offset);
      bool ok = false;
      for (int attempt = 0; attempt <= options_.max_retries && !ok; ++attempt) {
        ok = transport_->CopySegment(a.from_node, a.to_node, a.shard_id, offset, count);
        if (!ok) std::this_thread::sleep_for(std::chrono::milliseconds(50 << attempt));
      }
      if (!ok) return false;
    }
    return true;
  }

  void RecordDone(int shard_id) {
    std::lock_guard<std::mutex> lock(mu_);
    completed_.push_back(shard_id);
  }

  Transport* const transport_;
  const ReplicationOptions options_;
  std::mutex mu_;
  std::vector<int> completed_;
};

// Plans which shards move when a node joins: every third shard moves to it.
std::vector<ShardAssignment> PlanRebalance(const std::vector<std::string>& nodes,
                                           const std::string& new_node, int num_shards,
                                           uint64_t docs_per_shard) {
  std::vector<ShardAssignment> plan;
  if (nodes.empty()) return plan;
  for (int s = 0; s < num_shards; ++s) {
    if (s % 3 != 0) continue;
    ShardAssignment a;
    a.shard_id = s;
    a.from_node = nodes[static_cast<size_t>(s) % nodes.size()];
    a.to_node = new_node;
    a.docs = docs_per_shard;
    plan.push_back(a);
  }
  return plan;
}

}  // namespace search
