// Backend registries in the style of PyTorch: the device-guard registry is a
// magic static, the allocator table is filled once with c10::call_once, and
// the profiler's clock calibration uses std::call_once.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "c10/util/CallOnce.h"
#include "c10/util/Exception.h"

namespace c10 {

enum class DeviceType : int8_t { CPU = 0, CUDA = 1, XPU = 2, MPS = 3, COMPILE_TIME_MAX = 4 };

class Allocator {
 public:
  virtual ~Allocator() = default;
  virtual void* raw_allocate(size_t n) = 0;
  virtual void raw_deallocate(void* p) = 0;
};

class DefaultCPUAllocator : public Allocator {
 public:
  void* raw_allocate(size_t n) override { return ::operator new(n); }
  void raw_deallocate(void* p) override { ::operator delete(p); }
};

class DeviceGuardRegistry {
 public:
  void set(DeviceType t, std::string impl_name) {
    std::lock_guard<std::mutex> lock(mutex_);
    impls_[static_cast<size_t>(t)] = std::move(impl_name);
  }
  std::string get(DeviceType t) {
    std::lock_guard<std::mutex> lock(mutex_);
    return impls_[static_cast<size_t>(t)];
  }

 private:
  std::mutex mutex_;
  std::array<std::string, static_cast<size_t>(DeviceType::COMPILE_TIME_MAX)> impls_;
};

DeviceGuardRegistry& deviceGuardRegistry() {
  static DeviceGuardRegistry* registry = new DeviceGuardRegistry();
  return *registry;
}

class AllocatorTable {
 public:
  Allocator* get(DeviceType t) {
    c10::call_once(init_once_, [this] { initDefaults(); });
    Allocator* a = table_[static_cast<size_t>(t)].load(std::memory_order_acquire);
    TORCH_CHECK(a != nullptr, "no allocator registered for device type");
    return a;
  }

  void set(DeviceType t, Allocator* a) {
    c10::call_once(init_once_, [this] { initDefaults(); });
    table_[static_cast<size_t>(t)].store(a, std::memory_order_release);
  }

 private:
  void initDefaults() {
    static DefaultCPUAllocator cpu;
    table_[static_cast<size_t>(DeviceType::CPU)].store(&cpu, std::memory_order_release);
  }

  c10::once_flag init_once_;
  std::array<std::atomic<Allocator*>, static_cast<size_t>(DeviceType::COMPILE_TIME_MAX)> table_{};
};

AllocatorTable& allocatorTable() {
  static AllocatorTable table;
  return table;
}

// Converts steady-clock ticks to nanoseconds; calibrated once per process.
class ClockConverter {
 public:
  int64_t toNs(int64_t ticks) {
    std::call_once(calibrate_once_, [this] {
      const auto start = std::chrono::steady_clock::now();
      const auto end = std::chrono::steady_clock::now();
      scale_ = (end - start).count() >= 0 ? 1.0 : 0.0;
    });
    return static_cast<int64_t>(static_cast<double>(ticks) * scale_);
  }

 private:
  std::once_flag calibrate_once_;
  double scale_ = 1.0;
};

int64_t profilerNowNs() {
  static ClockConverter converter;
  const int64_t ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  return converter.toNs(ticks);
}

void* allocateCPU(size_t n) { return allocatorTable().get(DeviceType::CPU)->raw_allocate(n); }

}  // namespace c10
