// Schema cache: the lazy fields are tested and filled with the lock held,
// either directly, through a helper annotated ABSL_EXCLUSIVE_LOCKS_REQUIRED,
// or through a private helper that is only called under the lock.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace catalog {

struct Schema {
  std::map<std::string, std::string> columns;
};

class SchemaCache {
 public:
  const Schema* Get(const std::string& table) {
    absl::MutexLock lock(&mu_);
    EnsureLoadedLocked();
    auto it = schemas_->find(table);
    return it == schemas_->end() ? nullptr : &it->second;
  }

  std::string DefaultTable() {
    absl::MutexLock lock(&mu_);
    if (default_table_.empty()) default_table_ = "public.events";
    return default_table_;
  }

 private:
  void EnsureLoadedLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (schemas_ == nullptr)
      schemas_ = std::make_unique<std::map<std::string, Schema>>(LoadAll());
  }

  static std::map<std::string, Schema> LoadAll() {
    std::map<std::string, Schema> all;
    all["public.events"].columns["ts"] = "timestamp";
    return all;
  }

  absl::Mutex mu_;
  std::unique_ptr<std::map<std::string, Schema>> schemas_ ABSL_GUARDED_BY(mu_);
  std::string default_table_ ABSL_GUARDED_BY(mu_);
};

class IndexCache {
 public:
  size_t IndexCount(const std::string& table) {
    std::lock_guard<std::mutex> lock(mu_);
    BuildIfNeeded();
    return indexes_.count(table);
  }

 private:
  void BuildIfNeeded() {
    if (!built_) {
      indexes_.emplace("public.events", "events_by_ts");
      built_ = true;
    }
  }

  std::mutex mu_;
  bool built_ = false;
  std::multimap<std::string, std::string> indexes_;
};

}  // namespace catalog
