// Parallel shard verifier for a backup catalog: one thread per shard,
// each counting the corrupt blocks it finds.
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace backup {

struct Shard {
  std::string name;
  std::vector<uint32_t> block_crcs;
  std::vector<uint32_t> expected_crcs;
};

bool BlockOk(const Shard& shard, size_t i) {
  return i < shard.expected_crcs.size() && shard.block_crcs[i] == shard.expected_crcs[i];
}

// Returns the number of corrupt blocks across all shards.
uint64_t VerifyCatalog(const std::vector<Shard>& shards) {
  uint64_t corrupt = 0;
  std::vector<std::thread> workers;
  workers.reserve(shards.size());
  for (const Shard& shard : shards) {
    workers.emplace_back([&corrupt, &shard] { for (size_t i = 0; i < shard.block_crcs.size(); ++i) if (!BlockOk(shard, i)) ++corrupt; });  // EXPECT: concurrency-closure-captures-mutable
  }
  for (std::thread& w : workers) w.join();
  return corrupt;
}

struct VerifyReport {
  size_t shards = 0;
  uint64_t corrupt_blocks = 0;
  bool ok() const { return corrupt_blocks == 0; }
};

VerifyReport VerifyAndReport(const std::vector<Shard>& shards) {
  VerifyReport report;
  report.shards = shards.size();
  report.corrupt_blocks = VerifyCatalog(shards);
  return report;
}

std::string Describe(const VerifyReport& report) {
  return std::to_string(report.shards) + " shards, " + std::to_string(report.corrupt_blocks) +
         " corrupt blocks" + (report.ok() ? "" : " (restore from the previous backup)");
}

}  // namespace backup
