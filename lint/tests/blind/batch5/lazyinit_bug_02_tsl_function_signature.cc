/* Copyright 2023 The TensorFlow Authors. All Rights Reserved.

Licensed under the Apache License, Version 2.0 (the "License");
==============================================================================*/

#include "mock/tsl_mutex.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tensorflow {

struct NodeDef {
  std::string name;
  std::string op;
  std::vector<std::string> inputs;
};

// A function body shared by every call site of the function in the graph.
// The runtime instantiates it concurrently from the executor's threads.
class FunctionBody {
 public:
  FunctionBody(std::string name, std::vector<NodeDef> nodes)
      : name_(std::move(name)), nodes_(std::move(nodes)) {}

  // Fingerprint of the body, used as the instantiation cache key.
  uint64_t Signature() {
    if (!signature_.has_value()) {  // EXPECT: concurrency-lazy-init-race
      signature_.emplace(ComputeSignature());
    }
    return *signature_;
  }

  int64_t Instantiate(const std::string& target) TF_LOCKS_EXCLUDED(mu_) {
    const uint64_t key = Signature() ^ std::hash<std::string>()(target);
    mutex_lock l(mu_);
    auto it = handles_.find(key);
    if (it != handles_.end()) return it->second;
    const int64_t handle = next_handle_++;
    handles_[key] = handle;
    return handle;
  }

  size_t num_instantiations() TF_LOCKS_EXCLUDED(mu_) {
    tf_shared_lock l(mu_);
    return handles_.size();
  }

 private:
  uint64_t ComputeSignature() const {
    uint64_t h = std::hash<std::string>()(name_);
    for (const NodeDef& n : nodes_) {
      h = h * 1099511628211ull ^ std::hash<std::string>()(n.op);
      for (const std::string& in : n.inputs) {
        h = h * 1099511628211ull ^ std::hash<std::string>()(in);
      }
    }
    return h;
  }

  const std::string name_;
  const std::vector<NodeDef> nodes_;
  std::optional<uint64_t> signature_;

  mutex mu_;
  std::map<uint64_t, int64_t> handles_ TF_GUARDED_BY(mu_);
  int64_t next_handle_ TF_GUARDED_BY(mu_) = 1;
};

}  // namespace tensorflow
