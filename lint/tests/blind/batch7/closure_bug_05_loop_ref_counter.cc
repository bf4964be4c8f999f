// Shard verification of a blob store's scrubber: one thread per shard
// recomputes the checksums; the caller wants the number of corrupt shards.

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "mock/blob_shard.h"

namespace blobstore {

// Single-threaded variant used by the offline fsck tool.
int CountCorruptShardsSerial(const std::vector<Shard>& shards) {
  int corrupt = 0;
  for (const Shard& shard : shards) {
    if (ComputeCrc32c(shard.path) != shard.expected_crc) ++corrupt;
  }
  return corrupt;
}

// Used by the online scrubber, which must finish a pass within its budget.
int CountCorruptShards(const std::vector<Shard>& shards) {
  int corrupt = 0;
  std::vector<std::thread> verifiers;
  verifiers.reserve(shards.size());
  for (size_t i = 0; i < shards.size(); ++i) {
    verifiers.emplace_back([&shards, &corrupt, i] { if (ComputeCrc32c(shards[i].path) != shards[i].expected_crc) ++corrupt; });  // EXPECT: concurrency-closure-captures-mutable
  }
  for (std::thread& verifier : verifiers) {
    verifier.join();
  }
  return corrupt;
}

// Scrub pass entry point: small pass sizes are not worth the threads.
int ScrubPass(const std::vector<Shard>& shards) {
  if (shards.size() < 4) {
    return CountCorruptShardsSerial(shards);
  }
  return CountCorruptShards(shards);
}

}  // namespace blobstore
