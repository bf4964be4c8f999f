// Index rebuild for a document store: for every collection, a validator
// thread checks the old index while the main thread builds the new one. A
// collection whose build fails is skipped and retried in the next round.
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace docstore {

struct Collection {
  std::string name;
  std::vector<std::string> doc_ids;
};

struct IndexStats {
  size_t entries = 0;
  size_t duplicates = 0;
};

class IndexBuilder {
 public:
  virtual ~IndexBuilder() = default;
  virtual bool Build(const Collection& c, IndexStats* stats) = 0;
  virtual bool ValidateOld(const Collection& c) = 0;
};

class Rebuilder {
 public:
  explicit Rebuilder(IndexBuilder* builder) : builder_(builder) {}

  // Returns the names of the collections that must be retried.
  std::vector<std::string> RebuildAll(const std::vector<Collection>& collections) {
    std::vector<std::string> retry;
    for (const Collection& c : collections) {
      bool old_valid = false;
      std::thread validator([this, &c, &old_valid] {  // EXPECT: concurrency-thread-leak
        old_valid = builder_->ValidateOld(c);
      });
      IndexStats stats;
      if (!builder_->Build(c, &stats)) {
        std::fprintf(stderr, "index build failed for %s, will retry\n", c.name.c_str());
        retry.push_back(c.name);
        continue;
      }
      validator.join();
      if (!old_valid) {
        std::fprintf(stderr, "old index of %s was corrupt; new index replaces it\n", c.name.c_str());
      }
      Record(c.name, stats);
    }
    return retry;
  }

  std::map<std::string, IndexStats> results() {
    std::lock_guard<std::mutex> lock(mu_);
    return results_;
  }

 private:
  void Record(const std::string& name, const IndexStats& stats) {
    std::lock_guard<std::mutex> lock(mu_);
    results_[name] = stats;
  }

  IndexBuilder* const builder_;
  std::mutex mu_;
  std::map<std::string, IndexStats> results_;
};

// Simple in-memory builder used by the offline repair tool.
class MemoryIndexBuilder : public IndexBuilder {
 public:
  bool Build(const Collection& c, IndexStats* stats) override {
    std::map<std::string, int> seen;
    for (const std::string& id : c.doc_ids) ++seen[id];
    stats->entries = seen.size();
    stats->duplicates = c.doc_ids.size() - seen.size();
    return stats->duplicates == 0;
  }
  bool ValidateOld(const Collection& c) override { return !c.doc_ids.empty(); }
};

int RepairTool(const std::vector<Collection>& collections, int max_rounds) {
  MemoryIndexBuilder builder;
  Rebuilder rebuilder(&builder);
  std::vector<Collection> pending = collections;
  for (int round = 0; round < max_rounds && !pending.empty(); ++round) {
    std::vector<std::string> retry = rebuilder.RebuildAll(pending);
    std::vector<Collection> next;
    for (const Collection& c : pending) {
      for (const std::string& name : retry) {
        if (name == c.name) next.push_back(c);
      }
    }
    pending.swap(next);
  }
  return static_cast<int>(pending.size());
}

}  // namespace docstore
