// Tests for the shard-map loader of a sharded key-value service. The loader
// reads the shard count from the environment (for container deployments)
// and the shard map from a JSON-ish file.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace shardmap {

struct ShardMap {
  int shard_count = 0;
  std::map<int, std::string> owners;
};

// "shard=owner" per line; the count comes from SHARDMAP_COUNT if set.
std::optional<ShardMap> LoadShardMap(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  ShardMap map;
  std::string line;
  while (std::getline(in, line)) {
    const size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    map.owners[std::stoi(line.substr(0, eq))] = line.substr(eq + 1);
  }
  const char* count = std::getenv("SHARDMAP_COUNT");
  map.shard_count = count != nullptr ? std::atoi(count) : static_cast<int>(map.owners.size());
  return map;
}

std::vector<int> UnownedShards(const ShardMap& map) {
  std::vector<int> out;
  for (int s = 0; s < map.shard_count; ++s) {
    if (!map.owners.count(s)) out.push_back(s);
  }
  return out;
}

// Owners that hold more than `max_per_owner` shards, for the rebalancer.
std::vector<std::string> OverloadedOwners(const ShardMap& map, size_t max_per_owner) {
  std::map<std::string, size_t> counts;
  for (const auto& [shard, owner] : map.owners) ++counts[owner];
  std::vector<std::string> out;
  for (const auto& [owner, n] : counts) {
    if (n > max_per_owner) out.push_back(owner);
  }
  return out;
}

static void WriteLines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream out(path, std::ios::trunc);
  for (const std::string& l : lines) out << l << "\n";
}

class ShardMapLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SHARDMAP_COUNT", "8", 1);  // EXPECT: concurrency-process-global-in-test
  }

  void TearDown() override {
    unsetenv("SHARDMAP_COUNT");  // EXPECT: concurrency-process-global-in-test
    std::remove(path_.c_str());
  }

  std::string path_ = ::testing::TempDir() + "shardmap_loader_test.map";
};

TEST_F(ShardMapLoaderTest, CountComesFromEnvironment) {
  WriteLines(path_, {"0=node-a", "1=node-b"});
  std::optional<ShardMap> map = LoadShardMap(path_);
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->shard_count, 8);
  EXPECT_EQ(UnownedShards(*map).size(), 6u);
}

TEST_F(ShardMapLoaderTest, ReadsTheProductionLayout) {
  const std::string layout_path = "/var/tmp/shardmap_layout.map";  // EXPECT: concurrency-process-global-in-test
  WriteLines(layout_path, {"0=node-a", "1=node-b", "2=node-c", "3=node-a"});
  std::optional<ShardMap> map = LoadShardMap(layout_path);
  ASSERT_TRUE(map.has_value());
  EXPECT_EQ(map->owners.size(), 4u);
  EXPECT_EQ(map->owners.at(3), "node-a");
}

TEST(ShardMapLoaderStandaloneTest, MissingFileIsNotAnError) {
  EXPECT_FALSE(LoadShardMap(::testing::TempDir() + "does_not_exist.map").has_value());
}

TEST(UnownedShardsTest, AllOwned) {
  ShardMap map;
  map.shard_count = 2;
  map.owners = {{0, "a"}, {1, "b"}};
  EXPECT_TRUE(UnownedShards(map).empty());
}

TEST(OverloadedOwnersTest, FindsOwnersAboveTheLimit) {
  ShardMap map;
  map.shard_count = 4;
  map.owners = {{0, "a"}, {1, "a"}, {2, "a"}, {3, "b"}};
  std::vector<std::string> over = OverloadedOwners(map, 2);
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0], "a");
}

}  // namespace shardmap
