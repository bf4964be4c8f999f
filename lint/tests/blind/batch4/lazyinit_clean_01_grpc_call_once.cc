// Process-wide registry of resolver factories, populated once with the
// built-in schemes the first time anyone asks for a resolver.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "mock/grpc_sync.h"

namespace grpc_core {

class ResolverFactory {
 public:
  virtual ~ResolverFactory() = default;
  virtual std::string scheme() const = 0;
};

std::unique_ptr<ResolverFactory> MakeDnsResolverFactory();
std::unique_ptr<ResolverFactory> MakeUnixResolverFactory();

class ResolverRegistry {
 public:
  static ResolverRegistry& Global() {
    static ResolverRegistry* registry = new ResolverRegistry();
    return *registry;
  }

  void Register(std::unique_ptr<ResolverFactory> factory) {
    MutexLock lock(&mu_);
    std::string scheme = factory->scheme();
    factories_[scheme] = std::move(factory);
  }

  ResolverFactory* LookupFactory(const std::string& scheme) {
    std::call_once(builtins_once_, [this] { RegisterBuiltins(); });
    MutexLock lock(&mu_);
    auto it = factories_.find(scheme);
    return it == factories_.end() ? nullptr : it->second.get();
  }

 private:
  ResolverRegistry() = default;

  void RegisterBuiltins() {
    Register(MakeDnsResolverFactory());
    Register(MakeUnixResolverFactory());
  }

  std::once_flag builtins_once_;
  Mutex mu_;
  std::map<std::string, std::unique_ptr<ResolverFactory>> factories_
      ABSL_GUARDED_BY(mu_);
};

ResolverFactory* GetResolverFactory(const std::string& scheme) {
  return ResolverRegistry::Global().LookupFactory(scheme);
}

}  // namespace grpc_core
