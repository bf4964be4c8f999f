/* Copyright 2023 The TensorFlow Authors. All Rights Reserved.

Licensed under the Apache License, Version 2.0 (the "License");
==============================================================================*/

#include "mock/tsl_mutex.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tensorflow {

struct DeviceAttributes {
  std::string name;
  std::string device_type;
  int64_t memory_limit = 0;
  int64_t incarnation = 0;
};

// Tracks the devices a worker currently exposes to the cluster. Devices can
// be added by the device discovery thread while RPC handlers list them.
class DynamicDeviceSet {
 public:
  DynamicDeviceSet() = default;

  void AddDevice(const DeviceAttributes& attrs) TF_LOCKS_EXCLUDED(mu_) {
    mutex_lock l(mu_);
    if (by_name_.count(attrs.name) > 0) return;
    by_name_[attrs.name] = devices_.size();
    devices_.push_back(attrs);
    ++generation_;
  }

  bool RemoveDevice(const std::string& name) TF_LOCKS_EXCLUDED(mu_) {
    mutex_lock l(mu_);
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return false;
    devices_.erase(devices_.begin() + it->second);
    RebuildIndexLocked();
    ++generation_;
    return true;
  }

  // Returns the devices known to this worker, in registration order.
  const std::vector<DeviceAttributes>& ListDevices() TF_LOCKS_EXCLUDED(mu_) {
    mutex_lock l(mu_);
    return devices_;  // EXPECT: concurrency-unguarded-field
  }

  int64_t generation() TF_LOCKS_EXCLUDED(mu_) {
    tf_shared_lock l(mu_);
    return generation_;
  }

  int64_t TotalMemory() TF_LOCKS_EXCLUDED(mu_) {
    tf_shared_lock l(mu_);
    int64_t total = 0;
    for (const DeviceAttributes& d : devices_) total += d.memory_limit;
    return total;
  }

 private:
  void RebuildIndexLocked() TF_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    by_name_.clear();
    for (size_t i = 0; i < devices_.size(); ++i) {
      by_name_[devices_[i].name] = i;
    }
  }

  mutex mu_;
  std::vector<DeviceAttributes> devices_ TF_GUARDED_BY(mu_);
  std::map<std::string, size_t> by_name_ TF_GUARDED_BY(mu_);
  int64_t generation_ TF_GUARDED_BY(mu_) = 0;
};

// Renders the device list for the worker status page.
std::string DescribeDevices(DynamicDeviceSet* set) {
  std::string out;
  for (const DeviceAttributes& d : set->ListDevices()) {
    out += d.name;
    out += " (";
    out += d.device_type;
    out += ")\n";
  }
  return out;
}

}  // namespace tensorflow
