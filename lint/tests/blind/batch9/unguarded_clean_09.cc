// Runtime feature flags: a hot-path check reads an atomic snapshot without
// locking; overrides are kept in a map under a mutex; defaults are loaded
// exactly once with std::call_once; the global registry is a magic static.
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace flags {

struct FlagDefault {
  const char* name;
  bool value;
};

constexpr FlagDefault kDefaults[] = {
    {"use_new_planner", false},
    {"enable_prefetch", true},
    {"strict_schema_checks", true},
};

class FeatureFlags {
 public:
  // Hot path: no lock. The atomic holds a bitset of enabled flags; readers
  // may see a slightly stale set, which is fine for feature gating.
  bool IsEnabled(int flag_index) const {
    EnsureDefaults();
    const uint64_t bits = enabled_bits_.load(std::memory_order_acquire);
    return (bits >> flag_index) & 1u;
  }

  // Admin path: record the override and republish the bitset.
  void SetOverride(const std::string& name, bool value) {
    EnsureDefaults();
    std::lock_guard<std::mutex> lock(mu_);
    overrides_[name] = value;
    ++override_generation_;
    Republish();
  }

  void ClearOverrides() {
    std::lock_guard<std::mutex> lock(mu_);
    overrides_.clear();
    ++override_generation_;
    Republish();
  }

  std::map<std::string, bool> Overrides() const {
    std::lock_guard<std::mutex> lock(mu_);
    return overrides_;
  }

  uint64_t generation() const {
    std::lock_guard<std::mutex> lock(mu_);
    return override_generation_;
  }

 private:
  void EnsureDefaults() const {
    std::call_once(defaults_once_, [this] {
      uint64_t bits = 0;
      for (size_t i = 0; i < sizeof(kDefaults) / sizeof(kDefaults[0]); ++i) {
        if (kDefaults[i].value) bits |= uint64_t{1} << i;
      }
      enabled_bits_.store(bits, std::memory_order_release);
    });
  }

  // Called with mu_ held.
  void Republish() {
    uint64_t bits = 0;
    for (size_t i = 0; i < sizeof(kDefaults) / sizeof(kDefaults[0]); ++i) {
      bool on = kDefaults[i].value;
      auto it = overrides_.find(kDefaults[i].name);
      if (it != overrides_.end()) on = it->second;
      if (on) bits |= uint64_t{1} << i;
    }
    enabled_bits_.store(bits, std::memory_order_release);
  }

  mutable std::once_flag defaults_once_;
  mutable std::atomic<uint64_t> enabled_bits_{0};
  mutable std::mutex mu_;
  std::map<std::string, bool> overrides_;
  uint64_t override_generation_ = 0;
};

// Process-wide instance; C++ initializes it once, thread-safely.
FeatureFlags& GlobalFlags() {
  static FeatureFlags* flags = new FeatureFlags();
  return *flags;
}

// Counts hot-path checks per call site for the /flagz page.
class CheckCounter {
 public:
  void Hit() { hits_.fetch_add(1, std::memory_order_relaxed); }
  uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> hits_{0};
};

bool UseNewPlanner() {
  static CheckCounter counter;
  counter.Hit();
  return GlobalFlags().IsEnabled(0);
}

void ApplyEnvironmentOverride() {
  const char* v = std::getenv("FLAGS_use_new_planner");
  if (v != nullptr) GlobalFlags().SetOverride("use_new_planner", std::string(v) == "1");
}

}  // namespace flags
