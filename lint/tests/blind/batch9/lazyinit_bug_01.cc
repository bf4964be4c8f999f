// A graph-optimizer registry in the style of TensorFlow's grappler: passes
// register by name under a mutex; the default meta-optimizer is created on
// first use by whichever session thread asks first.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tensorflow/core/lib/core/status.h"
#include "tensorflow/core/platform/logging.h"
#include "tensorflow/core/platform/mutex.h"

namespace tensorflow {
namespace grappler {

struct GraphDef {
  std::vector<std::string> nodes;
};

class GraphOptimizer {
 public:
  virtual ~GraphOptimizer() = default;
  virtual std::string name() const = 0;
  virtual Status Optimize(const GraphDef& in, GraphDef* out) = 0;
};

class ConstantFolding : public GraphOptimizer {
 public:
  std::string name() const override { return "constant_folding"; }
  Status Optimize(const GraphDef& in, GraphDef* out) override {
    *out = in;
    return OkStatus();
  }
};

class MetaOptimizer : public GraphOptimizer {
 public:
  explicit MetaOptimizer(std::vector<std::unique_ptr<GraphOptimizer>> passes)
      : passes_(std::move(passes)) {}
  std::string name() const override { return "meta_optimizer"; }
  Status Optimize(const GraphDef& in, GraphDef* out) override {
    GraphDef current = in;
    for (auto& pass : passes_) {
      GraphDef next;
      TF_RETURN_IF_ERROR(pass->Optimize(current, &next));
      current = std::move(next);
    }
    *out = std::move(current);
    return OkStatus();
  }

 private:
  std::vector<std::unique_ptr<GraphOptimizer>> passes_;
};

using OptimizerFactory = std::function<std::unique_ptr<GraphOptimizer>()>;

class OptimizerRegistry {
 public:
  void Register(const std::string& name, OptimizerFactory factory) {
    mutex_lock l(mu_);
    if (!factories_.emplace(name, std::move(factory)).second) {
      LOG(WARNING) << "Optimizer " << name << " registered twice; keeping the first";
    }
  }

  std::unique_ptr<GraphOptimizer> Create(const std::string& name) {
    OptimizerFactory factory;
    {
      mutex_lock l(mu_);
      auto it = factories_.find(name);
      if (it == factories_.end()) return nullptr;
      factory = it->second;
    }
    return factory();
  }

  std::vector<std::string> Names() {
    mutex_lock l(mu_);
    std::vector<std::string> names;
    for (const auto& [name, factory] : factories_) names.push_back(name);
    return names;
  }

  // The optimizer every session uses unless its config names passes itself.
  GraphOptimizer* DefaultOptimizer() {
    if (default_optimizer_ == nullptr) {  // EXPECT: concurrency-lazy-init-race
      std::vector<std::unique_ptr<GraphOptimizer>> passes;
      for (const std::string& name : Names()) {
        std::unique_ptr<GraphOptimizer> pass = Create(name);
        if (pass != nullptr) passes.push_back(std::move(pass));
      }
      VLOG(1) << "Creating default meta optimizer with " << passes.size() << " passes";
      default_optimizer_ = new MetaOptimizer(std::move(passes));
    }
    return default_optimizer_;
  }

 private:
  mutex mu_;
  std::map<std::string, OptimizerFactory> factories_ TF_GUARDED_BY(mu_);
  GraphOptimizer* default_optimizer_ = nullptr;
};

// Called by every DirectSession::Run on its own thread.
Status OptimizeForRun(OptimizerRegistry* registry, const GraphDef& graph, GraphDef* optimized) {
  GraphOptimizer* optimizer = registry->DefaultOptimizer();
  Status s = optimizer->Optimize(graph, optimized);
  if (!s.ok()) {
    LOG(WARNING) << "Graph optimization failed, running the original graph: " << s.message();
    *optimized = graph;
  }
  return OkStatus();
}

void RegisterBuiltinOptimizers(OptimizerRegistry* registry) {
  registry->Register("constant_folding", [] { return std::make_unique<ConstantFolding>(); });
}

}  // namespace grappler
}  // namespace tensorflow
