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

// Keeps the stateful resources (variables, queues, tables) of a session,
// keyed by container and name.
class ResourceMgr {
 public:
  Status Create(const std::string& container, const std::string& name,
                std::shared_ptr<ResourceBase> resource) TF_LOCKS_EXCLUDED(mu_) {
    mu_.lock();
    auto& entries = containers_[container];
    if (entries.count(name) > 0) {
      return Status::AlreadyExists("Resource " + container + "/" + name);
    }
    entries[name] = std::move(resource);
    ++num_created_;
    mu_.unlock();
    return Status::OK();
  }  // EXPECT: concurrency-lock-balance

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

  Status Cleanup(const std::string& container) TF_LOCKS_EXCLUDED(mu_) {
    mutex_lock l(mu_);
    if (containers_.erase(container) == 0) {
      return Status::NotFound("Container " + container);
    }
    return Status::OK();
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

}  // namespace tensorflow
