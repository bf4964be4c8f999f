// A mergeable set of per-endpoint error counters. Copying, assigning and
// merging lock the other object as well as this one.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace health {

class ErrorCounters {
 public:
  ErrorCounters() = default;

  ErrorCounters(const ErrorCounters& other) {
    std::lock_guard<std::mutex> lock(other.mu_);
    counts_ = other.counts_;
    total_ = other.total_;
  }

  ErrorCounters& operator=(const ErrorCounters& other) {
    if (this == &other) return *this;
    std::scoped_lock lock(mu_, other.mu_);
    counts_ = other.counts_;
    total_ = other.total_;
    return *this;
  }

  void MergeFrom(const ErrorCounters& other) {
    if (this == &other) return;
    std::scoped_lock lock(mu_, other.mu_);
    for (const auto& [endpoint, n] : other.counts_) counts_[endpoint] += n;
    total_ += other.total_;
  }

  void Record(const std::string& endpoint) {
    std::lock_guard<std::mutex> lock(mu_);
    ++counts_[endpoint];
    ++total_;
  }

  uint64_t Total() const {
    std::lock_guard<std::mutex> lock(mu_);
    return total_;
  }

  uint64_t For(const std::string& endpoint) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = counts_.find(endpoint);
    return it == counts_.end() ? 0 : it->second;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, uint64_t> counts_;
  uint64_t total_ = 0;
};

}  // namespace health
