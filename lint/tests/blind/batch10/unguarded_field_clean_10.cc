// Inventory bins for the warehouse service. Moving stock between bins locks
// both bins at once with std::scoped_lock, which avoids lock-order deadlocks.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace warehouse {

enum class MoveResult { kOk, kSameBin, kNotEnoughStock, kBinFull };

class Bin {
 public:
  Bin(std::string label, int64_t capacity) : label_(std::move(label)), capacity_(capacity) {}

  bool Put(int64_t units) {
    std::lock_guard<std::mutex> lock(mu_);
    if (units_ + units > capacity_) return false;
    units_ += units;
    log_.push_back("put " + std::to_string(units));
    return true;
  }

  int64_t Units() const {
    std::lock_guard<std::mutex> lock(mu_);
    return units_;
  }

  MoveResult MoveTo(Bin& dest, int64_t units) {
    if (&dest == this) return MoveResult::kSameBin;
    std::scoped_lock lock(mu_, dest.mu_);
    if (units_ < units) return MoveResult::kNotEnoughStock;
    if (dest.units_ + units > dest.capacity_) return MoveResult::kBinFull;
    units_ -= units;
    dest.units_ += units;
    log_.push_back("move out " + std::to_string(units) + " to " + dest.label_);
    dest.log_.push_back("move in " + std::to_string(units) + " from " + label_);
    return MoveResult::kOk;
  }

  void SwapContents(Bin& other) {
    if (&other == this) return;
    std::unique_lock<std::mutex> a(mu_, std::defer_lock);
    std::unique_lock<std::mutex> b(other.mu_, std::defer_lock);
    std::lock(a, b);
    std::swap(units_, other.units_);
    log_.swap(other.log_);
  }

  std::vector<std::string> Log() const {
    std::lock_guard<std::mutex> lock(mu_);
    return log_;
  }

  const std::string& label() const { return label_; }

 private:
  const std::string label_;
  const int64_t capacity_;
  mutable std::mutex mu_;
  int64_t units_ = 0;
  std::vector<std::string> log_;
};

const char* MoveResultName(MoveResult r) {
  switch (r) {
    case MoveResult::kOk: return "ok";
    case MoveResult::kSameBin: return "same bin";
    case MoveResult::kNotEnoughStock: return "not enough stock";
    case MoveResult::kBinFull: return "bin full";
  }
  return "?";
}

std::string Rebalance(std::vector<Bin*>& bins, int64_t target) {
  std::string report;
  for (size_t i = 0; i + 1 < bins.size(); ++i) {
    int64_t excess = bins[i]->Units() - target;
    if (excess <= 0) continue;
    MoveResult r = bins[i]->MoveTo(*bins[i + 1], excess);
    report += bins[i]->label() + " -> " + bins[i + 1]->label() + ": " + MoveResultName(r) + "\n";
  }
  return report;
}

}  // namespace warehouse
