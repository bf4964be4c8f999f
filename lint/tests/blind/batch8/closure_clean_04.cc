/*
 * index_builder.cc - builds the symbol index of a source tree. The tree is
 * split into shards; each shard is parsed on its own thread into its own
 * slot, and the slots are merged once every thread has finished.
 */

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace xref {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual std::vector<std::string> ListFiles(const std::string& dir) = 0;
  virtual std::string Read(const std::string& path) = 0;
};

struct ShardIndex {
  std::map<std::string, std::vector<std::string>> symbols;
};

class IndexBuilder {
 public:
  explicit IndexBuilder(FileSystem* fs) : fs_(fs) {}

  size_t Build(const std::vector<std::string>& dirs) {
    std::vector<ShardIndex> shards(dirs.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < dirs.size(); ++i) {
      threads.emplace_back([this, &shards, &dirs, i] {
        for (const std::string& file : fs_->ListFiles(dirs[i])) {
          ParseInto(fs_->Read(file), file, &shards[i]);
        }
      });
    }
    const size_t expected = shards.size();
    for (auto& t : threads) t.join();

    std::lock_guard<std::mutex> lock(mu_);
    merged_.clear();
    for (const ShardIndex& shard : shards) {
      for (const auto& kv : shard.symbols) {
        auto& files = merged_[kv.first];
        files.insert(files.end(), kv.second.begin(), kv.second.end());
      }
    }
    generation_++;
    return expected;
  }

  std::vector<std::string> Lookup(const std::string& symbol) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = merged_.find(symbol);
    return it == merged_.end() ? std::vector<std::string>() : it->second;
  }

 private:
  static void ParseInto(const std::string& text, const std::string& file,
                        ShardIndex* out) {
    if (!text.empty()) out->symbols[text.substr(0, text.find(' '))].push_back(file);
  }

  FileSystem* const fs_;
  std::mutex mu_;
  std::map<std::string, std::vector<std::string>> merged_;
  int generation_ = 0;
};

}  // namespace xref
