// Schema registry for the stream processor: every record decode looks up a
// schema under a shared lock; registrations take the lock exclusively.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

namespace streams {

enum class Compatibility { kNone, kBackward, kForward, kFull };

struct Schema {
  int32_t id = 0;
  int32_t version = 0;
  std::string definition;
};

struct RegistryStats {
  uint64_t lookups = 0;
  uint64_t registrations = 0;
  size_t subjects = 0;
};

class SchemaRegistry {
 public:
  explicit SchemaRegistry(Compatibility mode) : mode_(mode) {}

  std::optional<Schema> Latest(const std::string& subject) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    lookups_.fetch_add(1, std::memory_order_relaxed);
    auto it = subjects_.find(subject);
    if (it == subjects_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
  }

  int32_t Register(const std::string& subject, std::string definition) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    std::vector<Schema>& versions = subjects_[subject];
    Schema s;
    s.id = ++next_id_;
    s.version = static_cast<int32_t>(versions.size()) + 1;
    s.definition = std::move(definition);
    versions.push_back(std::move(s));
    ++registrations_;
    return next_id_;
  }

  bool Delete(const std::string& subject) {
    std::lock_guard<std::shared_mutex> lock(mu_);
    return subjects_.erase(subject) > 0;
  }

  // Copies the counters under the shared lock and formats them afterwards.
  std::string StatsLine() const {
    RegistryStats stats;
    {
      std::shared_lock<std::shared_mutex> lock(mu_);
      stats.registrations = registrations_;
      stats.subjects = subjects_.size();
    }
    stats.lookups = lookups_.load(std::memory_order_relaxed);
    return "subjects=" + std::to_string(stats.subjects) +
           " registrations=" + std::to_string(stats.registrations) +
           " lookups=" + std::to_string(stats.lookups) +
           " mode=" + std::to_string(static_cast<int>(mode_));
  }

 private:
  const Compatibility mode_;
  mutable std::shared_mutex mu_;
  std::map<std::string, std::vector<Schema>> subjects_;
  int32_t next_id_ = 0;
  uint64_t registrations_ = 0;
  mutable std::atomic<uint64_t> lookups_{0};
};

class RecordDecoder {
 public:
  explicit RecordDecoder(const SchemaRegistry& registry) : registry_(registry) {}

  bool Decode(const std::string& subject, const std::string& payload, std::string* out) {
    std::optional<Schema> schema = registry_.Latest(subject);
    if (!schema) return false;
    *out = "v" + std::to_string(schema->version) + ":" + payload;
    return true;
  }

 private:
  const SchemaRegistry& registry_;
};

}  // namespace streams
