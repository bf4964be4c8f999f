// A function-library runtime cache in the style of TensorFlow: instantiated
// functions are created on first use, but always while holding mu_, either
// directly or in a helper that requires it.
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

struct FunctionDef {
  std::string name;
  std::vector<std::string> body;
};

class InstantiatedFunction {
 public:
  explicit InstantiatedFunction(const FunctionDef& def) : name_(def.name), size_(def.body.size()) {}
  const std::string& name() const { return name_; }
  size_t size() const { return size_; }

 private:
  const std::string name_;
  const size_t size_;
};

class FunctionLibrary {
 public:
  void AddFunction(FunctionDef def) {
    mutex_lock l(mu_);
    const std::string name = def.name;
    defs_[name] = std::move(def);
  }

  bool Find(const std::string& name, FunctionDef* out) {
    mutex_lock l(mu_);
    auto it = defs_.find(name);
    if (it == defs_.end()) return false;
    *out = it->second;
    return true;
  }

 private:
  mutex mu_;
  std::map<std::string, FunctionDef> defs_ TF_GUARDED_BY(mu_);
};

class FunctionRuntime {
 public:
  explicit FunctionRuntime(std::map<std::string, FunctionDef> defs) : defs_(std::move(defs)) {}

  Status Instantiate(const std::string& name, std::shared_ptr<InstantiatedFunction>* out) {
    mutex_lock l(mu_);
    if (!stats_) stats_ = std::make_unique<Stats>();
    auto it = cache_.find(name);
    if (it != cache_.end()) {
      ++stats_->hits;
      *out = it->second;
      return OkStatus();
    }
    auto def = defs_.find(name);
    if (def == defs_.end()) return errors::NotFound("Function " + name + " is not defined");
    ++stats_->misses;
    auto fn = std::make_shared<InstantiatedFunction>(def->second);
    cache_.emplace(name, fn);
    *out = std::move(fn);
    return OkStatus();
  }

  // The no-op function used for control edges; built the first time.
  std::shared_ptr<InstantiatedFunction> NoOp() {
    mutex_lock l(mu_);
    return GetOrCreateNoOpLocked();
  }

  std::string DebugString() {
    mutex_lock l(mu_);
    if (stats_ == nullptr) return "no instantiations";
    return std::to_string(stats_->hits) + " hits, " + std::to_string(stats_->misses) + " misses";
  }

 private:
  struct Stats {
    int64_t hits = 0;
    int64_t misses = 0;
  };

  std::shared_ptr<InstantiatedFunction> GetOrCreateNoOpLocked() TF_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (noop_ == nullptr) {
      FunctionDef def;
      def.name = "_NoOp";
      noop_ = std::make_shared<InstantiatedFunction>(def);
      VLOG(2) << "Created the NoOp function";
    }
    return noop_;
  }

  const std::map<std::string, FunctionDef> defs_;
  mutex mu_;
  std::map<std::string, std::shared_ptr<InstantiatedFunction>> cache_ TF_GUARDED_BY(mu_);
  std::unique_ptr<Stats> stats_ TF_GUARDED_BY(mu_);
  std::shared_ptr<InstantiatedFunction> noop_ TF_GUARDED_BY(mu_);
};

Status RunFunction(FunctionRuntime* runtime, const std::string& name) {
  std::shared_ptr<InstantiatedFunction> fn;
  TF_RETURN_IF_ERROR(runtime->Instantiate(name, &fn));
  LOG(INFO) << "running " << fn->name() << " (" << fn->size() << " nodes)";
  return OkStatus();
}

}  // namespace tensorflow
