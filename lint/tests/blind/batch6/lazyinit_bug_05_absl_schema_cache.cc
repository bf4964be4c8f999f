// Abseil-style table reader: the parsed schema is cached in an optional on
// first use. Row decoding is done by many RPC threads at once; only the
// block cache is declared as guarded.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mock/absl_mutex.h"

struct Schema {
  std::vector<std::string> columns;
  int key_column = 0;
};

Schema ParseSchema(const std::string& footer);
std::string ReadBlock(uint64_t offset);

class TableReader {
 public:
  explicit TableReader(std::string footer) : footer_(std::move(footer)) {}

  const Schema& schema() {
    if (!schema_.has_value()) {  // EXPECT: concurrency-lazy-init-race
      schema_.emplace(ParseSchema(footer_));
    }
    return *schema_;
  }

  std::string DecodeColumn(uint64_t block_offset, int column) {
    const Schema& s = schema();
    std::string block = CachedBlock(block_offset);
    return s.columns.at(static_cast<size_t>(column)) + "=" + block;
  }

  size_t cached_blocks() const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::MutexLock l(&mu_);
    return blocks_.size();
  }

 private:
  std::string CachedBlock(uint64_t offset) ABSL_LOCKS_EXCLUDED(mu_) {
    {
      absl::MutexLock l(&mu_);
      auto it = blocks_.find(offset);
      if (it != blocks_.end()) return it->second;
    }
    std::string block = ReadBlock(offset);
    absl::MutexLock l(&mu_);
    return blocks_.emplace(offset, std::move(block)).first->second;
  }

  const std::string footer_;
  std::optional<Schema> schema_;
  mutable absl::Mutex mu_;
  std::map<uint64_t, std::string> blocks_ ABSL_GUARDED_BY(mu_);
};
