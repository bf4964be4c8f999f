// Per-step resource registry in the style of TensorFlow's ResourceMgr:
// kernels create named resources in containers; the executor cleans a
// container up when its step ends.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "tensorflow/core/lib/core/status.h"
#include "tensorflow/core/platform/logging.h"
#include "tensorflow/core/platform/mutex.h"

namespace tensorflow {

// Reference-counted base for anything stored in the registry.
class ResourceBase {
 public:
  virtual ~ResourceBase() = default;
  virtual std::string DebugString() const = 0;
  virtual int64_t MemoryUsed() const { return 0; }

  void Ref() { refs_.fetch_add(1, std::memory_order_relaxed); }
  bool Unref() {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      delete this;
      return true;
    }
    return false;
  }

 private:
  std::atomic<int> refs_{1};
};

class StepResourceRegistry {
 public:
  struct Entry {
    std::string type_name;
    ResourceBase* resource = nullptr;
  };
  using Container = std::unordered_map<std::string, Entry>;

  StepResourceRegistry() = default;
  ~StepResourceRegistry() {
    for (auto& [name, container] : containers_) {
      for (auto& [key, entry] : container) entry.resource->Unref();
    }
  }

  Status Create(const std::string& container, const std::string& name,
                const std::string& type_name, ResourceBase* resource) {
    mutex_lock l(mu_);
    Container& c = containers_[container];
    auto inserted = c.emplace(name, Entry{type_name, resource});
    if (!inserted.second) {
      resource->Unref();
      return errors::InvalidArgument("Resource " + container + "/" + name + " already exists");
    }
    total_bytes_ += resource->MemoryUsed();
    return OkStatus();
  }

  Status Lookup(const std::string& container, const std::string& name, ResourceBase** out) const {
    tf_shared_lock l(mu_);
    auto cit = containers_.find(container);
    if (cit == containers_.end()) {
      return errors::NotFound("Container " + container + " does not exist.");
    }
    auto it = cit->second.find(name);
    if (it == cit->second.end()) {
      return errors::NotFound("Resource " + container + "/" + name + " does not exist.");
    }
    it->second.resource->Ref();
    *out = it->second.resource;
    return OkStatus();
  }

  // Called by the executor when a step finishes.
  Status Cleanup(const std::string& container) {
    std::vector<ResourceBase*> to_unref;
    {
      mutex_lock l(mu_);
      auto it = containers_.find(container);
      if (it == containers_.end()) return OkStatus();
      to_unref.reserve(it->second.size());
      for (auto& [name, entry] : it->second) to_unref.push_back(entry.resource);
      containers_.erase(it);
    }
    // Drop the references outside the lock: a destructor may call back into us.
    for (ResourceBase* r : to_unref) {
      total_bytes_ -= r->MemoryUsed();  // EXPECT: concurrency-unguarded-field
      r->Unref();
    }
    VLOG(1) << "Cleaned up " << to_unref.size() << " resources in " << container;
    return OkStatus();
  }

  int64_t TotalBytes() const {
    tf_shared_lock l(mu_);
    return total_bytes_;
  }

  std::string DebugString() const {
    tf_shared_lock l(mu_);
    std::string out;
    for (const auto& [cname, container] : containers_) {
      for (const auto& [name, entry] : container) {
        out += cname + "/" + name + " (" + entry.type_name + "): " +
               entry.resource->DebugString() + "\n";
      }
    }
    return out;
  }

 private:
  mutable mutex mu_;
  std::unordered_map<std::string, Container> containers_ TF_GUARDED_BY(mu_);
  int64_t total_bytes_ TF_GUARDED_BY(mu_) = 0;
};

// A trivially sized resource used by the variable kernels.
class VarResource : public ResourceBase {
 public:
  explicit VarResource(int64_t bytes) : bytes_(bytes) {}
  std::string DebugString() const override { return "Var<" + std::to_string(bytes_) + ">"; }
  int64_t MemoryUsed() const override { return bytes_; }

 private:
  const int64_t bytes_;
};

Status CreateStepVariable(StepResourceRegistry* registry, int64_t step_id, const std::string& name,
                          int64_t bytes) {
  const std::string container = "__per_step_" + std::to_string(step_id);
  TF_RETURN_IF_ERROR(registry->Create(container, name, "Var", new VarResource(bytes)));
  LOG(INFO) << "step " << step_id << " variable " << name << " (" << bytes << " bytes)";
  return OkStatus();
}

}  // namespace tensorflow
