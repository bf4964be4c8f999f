// Write batches for a key-value store: a batch is filled by one writer at a
// time under its mutex and may be read by a background compaction check.
// Merge() builds a brand-new batch on its own stack before anyone else can
// see it, so writing into it needs no lock; the inputs are read under both
// of their locks.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kvstore {

enum class OpType : uint8_t { kPut, kDelete };

struct Op {
  OpType type;
  std::string value;
  uint64_t seq;
};

class WriteBatch {
 public:
  WriteBatch() = default;
  WriteBatch(WriteBatch&& other) noexcept {
    std::lock_guard<std::mutex> lock(other.mu_);
    ops_ = std::move(other.ops_);
    bytes_ = other.bytes_;
    other.bytes_ = 0;
  }

  void Put(const std::string& key, std::string value, uint64_t seq) {
    std::lock_guard<std::mutex> lock(mu_);
    bytes_ += key.size() + value.size();
    ops_[key] = Op{OpType::kPut, std::move(value), seq};
  }

  void Delete(const std::string& key, uint64_t seq) {
    std::lock_guard<std::mutex> lock(mu_);
    bytes_ += key.size();
    ops_[key] = Op{OpType::kDelete, "", seq};
  }

  std::optional<Op> Get(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = ops_.find(key);
    if (it == ops_.end()) return std::nullopt;
    return it->second;
  }

  size_t ApproximateBytes() const {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }

  // Combines two batches; for keys in both, the higher sequence number wins.
  static WriteBatch Merge(const WriteBatch& a, const WriteBatch& b) {
    WriteBatch result;  // not yet visible to any other thread
    std::scoped_lock lock(a.mu_, b.mu_);
    result.ops_ = a.ops_;
    result.bytes_ = a.bytes_;
    for (const auto& [key, op] : b.ops_) {
      auto it = result.ops_.find(key);
      if (it == result.ops_.end() || it->second.seq < op.seq) {
        result.bytes_ += key.size() + op.value.size();
        result.ops_[key] = op;
      }
    }
    return result;
  }

  std::vector<std::pair<std::string, Op>> Drain() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::pair<std::string, Op>> out(ops_.begin(), ops_.end());
    ops_.clear();
    bytes_ = 0;
    return out;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, Op> ops_;
  size_t bytes_ = 0;
};

// Applies a batch to a memtable-like map.
class MemTable {
 public:
  void Apply(WriteBatch& batch) {
    std::vector<std::pair<std::string, Op>> ops = batch.Drain();
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [key, op] : ops) {
      if (op.type == OpType::kDelete) {
        table_.erase(key);
      } else {
        table_[key] = std::move(op.value);
      }
      if (op.seq > last_seq_) last_seq_ = op.seq;
    }
  }

  uint64_t last_seq() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_seq_;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::string> table_;
  uint64_t last_seq_ = 0;
};

}  // namespace kvstore
