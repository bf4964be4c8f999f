// Offline compaction tool: compacts every shard of a table in parallel and
// reports how many bytes were reclaimed.

#include <cstdint>
#include <cstdio>
#include <future>
#include <string>
#include <vector>

namespace compactor {

struct ShardInfo {
  std::string path;
  uint64_t size_bytes = 0;
};

uint64_t CompactShard(const ShardInfo& shard);

uint64_t CompactTable(const std::vector<ShardInfo>& shards) {
  uint64_t reclaimed = 0;
  std::vector<std::future<void>> pending;
  pending.reserve(shards.size());
  for (const ShardInfo& shard : shards) {
    pending.push_back(std::async(std::launch::async, [&reclaimed, &shard] {
      const uint64_t after = CompactShard(shard);
      if (after < shard.size_bytes) {
        reclaimed += shard.size_bytes - after;  // EXPECT: concurrency-closure-captures-mutable
      }
    }));
  }
  for (std::future<void>& f : pending) f.get();
  std::printf("reclaimed %llu bytes from %zu shards\n",
              static_cast<unsigned long long>(reclaimed), shards.size());
  return reclaimed;
}

int CompactMain(const std::vector<std::string>& paths) {
  std::vector<ShardInfo> shards;
  shards.reserve(paths.size());
  for (const std::string& p : paths) {
    ShardInfo info;
    info.path = p;
    std::FILE* f = std::fopen(p.c_str(), "rb");
    if (f == nullptr) {
      std::fprintf(stderr, "cannot open %s\n", p.c_str());
      return 1;
    }
    std::fseek(f, 0, SEEK_END);
    info.size_bytes = static_cast<uint64_t>(std::ftell(f));
    std::fclose(f);
    shards.push_back(info);
  }
  return CompactTable(shards) > 0 ? 0 : 2;
}

}  // namespace compactor
