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
};

// Tracks the devices a worker currently exposes to the cluster.
class DynamicDeviceSet {
 public:
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

  // Returns a snapshot of the devices, in registration order.
  std::vector<DeviceAttributes> ListDevices() TF_LOCKS_EXCLUDED(mu_) {
    tf_shared_lock l(mu_);
    return devices_;
  }

  // Callers that already hold mu_ (the placer) can look at the list directly.
  const std::vector<DeviceAttributes>& devices_locked() const
      TF_SHARED_LOCKS_REQUIRED(mu_) {
    return devices_;
  }

  int64_t generation() TF_LOCKS_EXCLUDED(mu_) {
    tf_shared_lock l(mu_);
    return generation_;
  }

  template <typename Fn>
  void ForEachDevice(Fn fn) TF_LOCKS_EXCLUDED(mu_) {
    std::vector<DeviceAttributes> copy;
    {
      tf_shared_lock l(mu_);
      copy = devices_;
    }
    for (const DeviceAttributes& d : copy) fn(d);
  }

  mutex* mu() TF_LOCK_RETURNED(mu_) { return &mu_; }

 private:
  void RebuildIndexLocked() TF_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    by_name_.clear();
    for (size_t i = 0; i < devices_.size(); ++i) by_name_[devices_[i].name] = i;
  }

  mutex mu_;
  std::vector<DeviceAttributes> devices_ TF_GUARDED_BY(mu_);
  std::map<std::string, size_t> by_name_ TF_GUARDED_BY(mu_);
  int64_t generation_ TF_GUARDED_BY(mu_) = 0;
};

int64_t CountAccelerators(DynamicDeviceSet* set) {
  int64_t n = 0;
  set->ForEachDevice([&n](const DeviceAttributes& d) {
    if (d.device_type == "GPU" || d.device_type == "TPU") ++n;
  });
  return n;
}

int64_t PlacerMemoryBudget(DynamicDeviceSet* set) {
  mutex_lock l(*set->mu());
  int64_t total = 0;
  for (const DeviceAttributes& d : set->devices_locked()) total += d.memory_limit;
  return total;
}

}  // namespace tensorflow
