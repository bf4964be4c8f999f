// V8-style lazily created process-wide objects: a DEFINE_LAZY_LEAKY_OBJECT
// getter (a function-local static, initialized once by the language), a
// magic-static table, and a base::CallOnce for the CPU feature probe.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

class FlagRegistry {
 public:
  FlagRegistry() {
    flags_["turbofan"] = "true";
    flags_["maglev"] = "false";
  }
  std::string Get(const std::string& name) {
    base::MutexGuard guard(&mutex_);
    auto it = flags_.find(name);
    return it == flags_.end() ? std::string() : it->second;
  }
  void Set(const std::string& name, std::string value) {
    base::MutexGuard guard(&mutex_);
    flags_[name] = std::move(value);
  }

 private:
  base::Mutex mutex_;
  std::map<std::string, std::string> flags_;
};

DEFINE_LAZY_LEAKY_OBJECT_GETTER(FlagRegistry, GetFlagRegistry)

static std::vector<uint8_t> BuildOpcodeLengths() {
  std::vector<uint8_t> lengths(256, 1);
  for (int i = 0xf0; i < 0x100; ++i) lengths[static_cast<size_t>(i)] = 2;
  return lengths;
}

// Called concurrently by the background compilers.
uint8_t OpcodeLength(uint8_t opcode) {
  static const std::vector<uint8_t> lengths = BuildOpcodeLengths();
  return lengths[opcode];
}

struct CpuFeatures {
  bool sse4_2 = false;
  bool avx2 = false;
};

static CpuFeatures g_cpu_features;
static base::OnceType g_cpu_probe_once = V8_ONCE_INIT;

static void ProbeCpuFeatures() {
  g_cpu_features.sse4_2 = __builtin_cpu_supports("sse4.2");
  g_cpu_features.avx2 = __builtin_cpu_supports("avx2");
}

const CpuFeatures& GetCpuFeatures() {
  base::CallOnce(&g_cpu_probe_once, &ProbeCpuFeatures);
  return g_cpu_features;
}

class ProbeTask : public Task {
 public:
  void Run() override {
    if (GetCpuFeatures().avx2 && OpcodeLength(0xf3) == 2) GetFlagRegistry()->Set("simd", "avx2");
  }
};

void PostProbes(Platform* platform) {
  for (int i = 0; i < platform->NumberOfWorkerThreads(); ++i) {
    platform->CallOnWorkerThread(std::make_unique<ProbeTask>());
  }
}

}  // namespace internal
}  // namespace v8
