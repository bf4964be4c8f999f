// A device registry in the style of TensorFlow's DeviceMgr plus a per-device
// kernel cache: listings are copied out under a shared lock and then used
// without it; the options are fixed at construction.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tensorflow/core/lib/core/status.h"
#include "tensorflow/core/platform/logging.h"
#include "tensorflow/core/platform/mutex.h"

namespace tensorflow {

struct DeviceAttributes {
  std::string name;
  std::string device_type;
  int64_t memory_limit = 0;
  int numa_node = -1;
};

struct RegistryOptions {
  bool allow_soft_placement = true;
  int64_t default_memory_limit = int64_t{1} << 30;
  std::string job_name = "localhost";
};

class DeviceRegistry {
 public:
  explicit DeviceRegistry(RegistryOptions options) : options_(std::move(options)) {}

  Status AddDevice(DeviceAttributes attrs) {
    if (attrs.memory_limit == 0) attrs.memory_limit = options_.default_memory_limit;
    const std::string full_name = "/job:" + options_.job_name + "/device:" + attrs.name;
    mutex_lock l(mu_);
    if (devices_.count(full_name)) {
      return errors::InvalidArgument("Device " + full_name + " already registered");
    }
    devices_.emplace(full_name, std::move(attrs));
    ++version_;
    return OkStatus();
  }

  Status RemoveDevice(const std::string& full_name) {
    mutex_lock l(mu_);
    if (devices_.erase(full_name) == 0) return errors::NotFound(full_name);
    ++version_;
    return OkStatus();
  }

  // Returns a copy; callers iterate it without holding mu_.
  std::vector<DeviceAttributes> ListDevices() const {
    tf_shared_lock l(mu_);
    std::vector<DeviceAttributes> out;
    out.reserve(devices_.size());
    for (const auto& [name, attrs] : devices_) out.push_back(attrs);
    return out;
  }

  Status LookupDevice(const std::string& full_name, DeviceAttributes* out) const {
    tf_shared_lock l(mu_);
    auto it = devices_.find(full_name);
    if (it == devices_.end()) return errors::NotFound("Unknown device " + full_name);
    *out = it->second;
    return OkStatus();
  }

  int64_t version() const {
    tf_shared_lock l(mu_);
    return version_;
  }

  bool allow_soft_placement() const { return options_.allow_soft_placement; }

 private:
  const RegistryOptions options_;
  mutable mutex mu_;
  std::map<std::string, DeviceAttributes> devices_ TF_GUARDED_BY(mu_);
  int64_t version_ TF_GUARDED_BY(mu_) = 0;
};

// Picks a device for each op; caches the choice by op type.
class Placer {
 public:
  explicit Placer(const DeviceRegistry* registry) : registry_(registry) {}

  std::string Place(const std::string& op_type, const std::string& requested_type) {
    const int64_t version = registry_->version();
    {
      mutex_lock l(mu_);
      if (version == cache_version_) {
        auto it = cache_.find(op_type);
        if (it != cache_.end()) return it->second;
      } else {
        cache_.clear();
        cache_version_ = version;
      }
    }
    std::string chosen;
    for (const DeviceAttributes& d : registry_->ListDevices()) {
      if (d.device_type == requested_type) {
        chosen = d.name;
        break;
      }
      if (chosen.empty() && registry_->allow_soft_placement()) chosen = d.name;
    }
    if (chosen.empty()) {
      LOG(WARNING) << "No device for " << op_type << " of type " << requested_type;
      return chosen;
    }
    mutex_lock l(mu_);
    if (version == cache_version_) cache_[op_type] = chosen;
    return chosen;
  }

 private:
  const DeviceRegistry* const registry_;
  mutex mu_;
  std::map<std::string, std::string> cache_ TF_GUARDED_BY(mu_);
  int64_t cache_version_ TF_GUARDED_BY(mu_) = -1;
};

}  // namespace tensorflow
