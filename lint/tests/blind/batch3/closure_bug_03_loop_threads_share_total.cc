// Parallel grep over log shards: every thread started in the loop adds to
// the same local `total`, captured by reference, with no lock or atomic.
#include <cstdint>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace logs {

inline uint64_t CountInShard(const std::string& path,
                             const std::string& needle) {
  std::ifstream in(path);
  uint64_t n = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find(needle) != std::string::npos) ++n;
  }
  return n;
}

inline uint64_t CountMatches(const std::vector<std::string>& shards,
                             const std::string& needle) {
  uint64_t total = 0;
  std::vector<std::thread> workers;
  workers.reserve(shards.size());
  for (size_t i = 0; i < shards.size(); ++i) {
    workers.emplace_back([&total, &shards, &needle, i] {
      total += CountInShard(
          shards[i], needle);  // EXPECT: concurrency-closure-captures-mutable
    });
  }
  for (std::thread& w : workers) w.join();
  return total;
}

}  // namespace logs
