// An operator registry in the style of PyTorch's dispatcher: operators are
// registered from static initializers and looked up from any thread that
// runs a model. The registry singleton and the default dispatch table are
// both created on first call.
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "c10/util/Exception.h"

namespace c10 {

enum class DispatchKey : uint8_t { CPU, CUDA, Autograd, Undefined };

using KernelFunction = std::function<void(std::vector<double>&)>;

struct OperatorHandle {
  std::string name;
  std::unordered_map<int, KernelFunction> kernels;  // keyed by DispatchKey
};

class OperatorRegistry {
 public:
  void registerKernel(const std::string& op, DispatchKey key, KernelFunction fn) {
    std::lock_guard<std::mutex> lock(mutex_);
    OperatorHandle& handle = operators_[op];
    handle.name = op;
    handle.kernels[static_cast<int>(key)] = std::move(fn);
  }

  bool call(const std::string& op, DispatchKey key, std::vector<double>& args) {
    KernelFunction fn;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = operators_.find(op);
      if (it == operators_.end()) return false;
      auto k = it->second.kernels.find(static_cast<int>(key));
      if (k == it->second.kernels.end()) return false;
      fn = k->second;
    }
    fn(args);
    return true;
  }

  size_t size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return operators_.size();
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, OperatorHandle> operators_;
};

static OperatorRegistry* g_registry = nullptr;

OperatorRegistry& registry() {
  if (g_registry == nullptr) {  // EXPECT: concurrency-lazy-init-race
    g_registry = new OperatorRegistry();
  }
  return *g_registry;
}

struct DispatchTable {
  std::vector<DispatchKey> order;
};

static DispatchTable* BuildDefaultTable() {
  auto* table = new DispatchTable();
  table->order = {DispatchKey::Autograd, DispatchKey::CUDA, DispatchKey::CPU};
  return table;
}

const DispatchTable& defaultDispatchTable() {
  static DispatchTable* table = nullptr;
  if (!table) table = BuildDefaultTable();  // EXPECT: concurrency-lazy-init-race
  return *table;
}

// Tries each key in dispatch order until a kernel handles the op.
void dispatch(const std::string& op, std::vector<double>& args) {
  for (DispatchKey key : defaultDispatchTable().order) {
    if (registry().call(op, key, args)) return;
  }
  TORCH_CHECK(false, "no kernel for operator " + op);
}

namespace {
struct RegisterAdd {
  RegisterAdd() {
    registry().registerKernel("aten::add", DispatchKey::CPU, [](std::vector<double>& a) {
      TORCH_CHECK(a.size() == 2, "add takes two arguments");
      a = {a[0] + a[1]};
    });
  }
};
RegisterAdd register_add;
}  // namespace

}  // namespace c10
