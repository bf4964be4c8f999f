// Symbol index for a crash symbolizer. Lookups come from several reporter
// threads; the index is built on the first lookup behind a plain bool,
// while the mutex only protects the hit counters.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace symbolize {

struct Symbol {
  uint64_t address = 0;
  std::string name;
};

class SymbolIndex {
 public:
  explicit SymbolIndex(std::vector<Symbol> raw) : raw_(std::move(raw)) {}

  const Symbol* Find(uint64_t pc) {
    if (!built_) {  // EXPECT: concurrency-lazy-init-race
      BuildIndex();
      built_ = true;
    }
    auto it = by_address_.upper_bound(pc);
    if (it == by_address_.begin()) return nullptr;
    --it;
    std::lock_guard<std::mutex> lock(stats_mu_);
    ++hits_;
    return &it->second;
  }

  int64_t hits() {
    std::lock_guard<std::mutex> lock(stats_mu_);
    return hits_;
  }

 private:
  void BuildIndex() {
    for (const Symbol& s : raw_) by_address_.emplace(s.address, s);
  }

  const std::vector<Symbol> raw_;
  bool built_ = false;
  std::map<uint64_t, Symbol> by_address_;
  std::mutex stats_mu_;
  int64_t hits_ = 0;
};

}  // namespace symbolize
