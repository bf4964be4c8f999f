/* Copyright 2023 The TensorFlow Authors. All Rights Reserved.

Licensed under the Apache License, Version 2.0 (the "License");
==============================================================================*/

#include "mock/tsl_mutex.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace tensorflow {

struct Status {
  static Status OK() { return Status(); }
  static Status NotFound(std::string m) { return Status(5, std::move(m)); }
  static Status AlreadyExists(std::string m) { return Status(6, std::move(m)); }
  bool ok() const { return code == 0; }
  int code = 0;
  std::string message;

 private:
  Status() = default;
  Status(int c, std::string m) : code(c), message(std::move(m)) {}
};

class ResourceBase {
 public:
  virtual ~ResourceBase() = default;
  virtual std::string DebugString() const = 0;
};

class ResourceMgr {
 public:
  Status Create(const std::string& container, const std::string& name,
                std::shared_ptr<ResourceBase> resource) TF_LOCKS_EXCLUDED(mu_) {
    mu_.lock();
    auto& entries = containers_[container];
    if (entries.count(name) > 0) {
      mu_.unlock();
      return Status::AlreadyExists("Resource " + container + "/" + name);
    }
    entries[name] = std::move(resource);
    ++num_created_;
    mu_.unlock();
    return Status::OK();
  }

  // Locks the manager for a multi-step update; the caller must call
  // EndUpdate().
  void BeginUpdate() TF_EXCLUSIVE_LOCK_FUNCTION(mu_) { mu_.lock(); }
  void EndUpdate() TF_UNLOCK_FUNCTION(mu_) { mu_.unlock(); }

  void EraseLocked(const std::string& container, const std::string& name)
      TF_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto c = containers_.find(container);
    if (c != containers_.end()) c->second.erase(name);
  }

  Status Lookup(const std::string& container, const std::string& name,
                std::shared_ptr<ResourceBase>* out) TF_LOCKS_EXCLUDED(mu_) {
    tf_shared_lock l(mu_);
    auto c = containers_.find(container);
    if (c == containers_.end()) return Status::NotFound("Container " + container);
    auto r = c->second.find(name);
    if (r == c->second.end()) return Status::NotFound("Resource " + name);
    *out = r->second;
    return Status::OK();
  }

  bool TryCleanup(const std::string& container) TF_LOCKS_EXCLUDED(mu_) {
    if (!mu_.try_lock()) return false;
    containers_.erase(container);
    mu_.unlock();
    return true;
  }

  int64_t num_created() TF_LOCKS_EXCLUDED(mu_) {
    tf_shared_lock l(mu_);
    return num_created_;
  }

 private:
  typedef std::map<std::string, std::shared_ptr<ResourceBase>> Container;

  mutex mu_;
  std::map<std::string, Container> containers_ TF_GUARDED_BY(mu_);
  int64_t num_created_ TF_GUARDED_BY(mu_) = 0;
};

void DropResources(ResourceMgr* mgr, const std::string& container) {
  mgr->BeginUpdate();
  mgr->EraseLocked(container, "iterator");
  mgr->EraseLocked(container, "table");
  mgr->EndUpdate();
}

}  // namespace tensorflow
