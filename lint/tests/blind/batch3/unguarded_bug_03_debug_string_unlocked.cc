// Metrics registry on std::mutex with no annotations: the guard of
// counters_ is inferred from Increment()/Reset()/Snapshot(), and
// DebugString(), called by the /statusz handler thread, reads it unlocked.
#include <cstdint>
#include <map>
#include <mutex>
#include <sstream>
#include <string>

namespace metrics {

class CounterRegistry {
 public:
  void Increment(const std::string& name, int64_t delta = 1) {
    std::lock_guard<std::mutex> lock(mu_);
    counters_[name] += delta;
  }

  void Reset() {
    std::lock_guard<std::mutex> lock(mu_);
    counters_.clear();
  }

  std::map<std::string, int64_t> Snapshot() const {
    std::lock_guard<std::mutex> lock(mu_);
    return counters_;
  }

  // Rendered on /statusz while request threads keep incrementing.
  std::string DebugString() const {
    std::ostringstream out;
    out << "registry '" << name_ << "':\n";
    for (const auto& [metric, value] :
         counters_) {  // EXPECT: concurrency-unguarded-field
      out << "  " << metric << " = " << value << "\n";
    }
    return out.str();
  }

  explicit CounterRegistry(std::string name) : name_(std::move(name)) {}

 private:
  const std::string name_;
  mutable std::mutex mu_;
  std::map<std::string, int64_t> counters_;
};

}  // namespace metrics
