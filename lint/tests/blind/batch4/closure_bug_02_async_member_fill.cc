//===- BackgroundShardLoader.cpp - Loads index shards off the main thread -===//
//
// The loader reads shard files on a std::async worker while the editor
// keeps serving requests; the status line polls progress.
//
//===----------------------------------------------------------------------===//

#include <cstddef>
#include <future>
#include <mutex>
#include <string>
#include <vector>

namespace clangd {

struct Shard {
  std::string Path;
  size_t Symbols = 0;
};

bool readShard(const std::string &Path, Shard &Out);

class BackgroundShardLoader {
public:
  explicit BackgroundShardLoader(std::vector<std::string> Paths)
      : Paths(std::move(Paths)) {}

  void start() {
    Loading = std::async(std::launch::async, &BackgroundShardLoader::loadAll, this);
  }

  void wait() {
    if (Loading.valid())
      Loading.get();
  }

  // Polled by the status line on the main thread.
  std::string status() const {
    return std::to_string(LoadedCount) + "/" + std::to_string(Paths.size()) +
           " shards";
  }

  std::vector<Shard> takeShards() {
    std::lock_guard<std::mutex> Lock(ShardsMu);
    return std::move(Shards);
  }

private:
  void loadAll() {
    for (const std::string &P : Paths) {
      Shard S;
      if (!readShard(P, S))
        continue;
      {
        std::lock_guard<std::mutex> Lock(ShardsMu);
        Shards.push_back(std::move(S));
      }
      ++LoadedCount; // EXPECT: concurrency-closure-captures-mutable
    }
  }

  const std::vector<std::string> Paths;
  std::future<void> Loading;
  std::mutex ShardsMu;
  std::vector<Shard> Shards;
  size_t LoadedCount = 0;
};

} // namespace clangd
