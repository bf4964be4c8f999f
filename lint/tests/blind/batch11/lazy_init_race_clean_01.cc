// Compression codec registry: the codec table is built once, lazily, with
// double-checked locking on an atomic pointer (acquire load on the fast
// path, release store after construction).
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace compress {

class Codec {
 public:
  virtual ~Codec() = default;
  virtual std::string name() const = 0;
};

class Lz4Codec : public Codec {
 public:
  std::string name() const override { return "lz4"; }
};

class ZstdCodec : public Codec {
 public:
  std::string name() const override { return "zstd"; }
};

class CodecRegistry {
 public:
  using Table = std::map<std::string, std::unique_ptr<Codec>>;

  const Codec* Find(const std::string& name) {
    const Table* table = GetTable();
    auto it = table->find(name);
    return it == table->end() ? nullptr : it->second.get();
  }

  ~CodecRegistry() { delete table_.load(std::memory_order_acquire); }

 private:
  const Table* GetTable() {
    Table* table = table_.load(std::memory_order_acquire);
    if (table == nullptr) {
      std::lock_guard<std::mutex> lock(init_mu_);
      table = table_.load(std::memory_order_relaxed);
      if (table == nullptr) {
        table = new Table;
        table->emplace("lz4", std::make_unique<Lz4Codec>());
        table->emplace("zstd", std::make_unique<ZstdCodec>());
        table_.store(table, std::memory_order_release);
      }
    }
    return table;
  }

  std::mutex init_mu_;
  std::atomic<Table*> table_{nullptr};
};

CodecRegistry& GlobalCodecs() {
  static CodecRegistry* registry = new CodecRegistry;
  return *registry;
}

}  // namespace compress
