// V8-style compilation statistics: worker threads bump per-phase counters,
// the isolate thread prints them. Counters are atomics; the per-phase
// histogram map is only touched under mutex_; the configuration is written
// by Initialize() before the platform's worker threads exist.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

struct PhaseStats {
  int64_t total_micros = 0;
  int64_t max_micros = 0;
  int count = 0;
};

class CompilationStatistics {
 public:
  // Called once from V8::Initialize(), before Platform::CallOnWorkerThread
  // is ever used; read-only afterwards, so it can be read without any locks.
  void Initialize(bool enabled, int sample_rate) {
    enabled_ = enabled;
    sample_rate_ = sample_rate;
  }

  // Worker threads.
  void RecordPhase(const std::string& phase, int64_t micros) {
    if (!enabled_) return;
    uint64_t n = recorded_.fetch_add(1, std::memory_order_relaxed);
    if (sample_rate_ > 1 && n % sample_rate_ != 0) return;
    base::MutexGuard guard(&mutex_);
    PhaseStats& stats = phases_[phase];
    stats.total_micros += micros;
    if (micros > stats.max_micros) stats.max_micros = micros;
    stats.count++;
  }

  void RecordBailout() { bailouts_.fetch_add(1, std::memory_order_relaxed); }

  // Isolate thread, --turbo-stats.
  void Print(std::ostream& os) {
    os << "recorded: " << recorded_.load(std::memory_order_relaxed)
       << " bailouts: " << bailouts_.load(std::memory_order_relaxed) << "\n";
    std::map<std::string, PhaseStats> copy;
    {
      base::MutexGuard guard(&mutex_);
      copy = phases_;
    }
    for (const auto& [name, stats] : copy) {
      os << name << ": " << stats.total_micros << "us in " << stats.count << "\n";
    }
  }

  void Reset() {
    base::MutexGuard guard(&mutex_);
    phases_.clear();
  }

 private:
  bool enabled_ = false;  // Set in Initialize(); can be read without any locks.
  int sample_rate_ = 1;   // Set in Initialize(); can be read without any locks.
  std::atomic<uint64_t> recorded_{0};
  std::atomic<uint64_t> bailouts_{0};
  base::Mutex mutex_;
  std::map<std::string, PhaseStats> phases_;
};

class RecordPhaseTask : public Task {
 public:
  RecordPhaseTask(CompilationStatistics* stats, std::string phase)
      : stats_(stats), phase_(std::move(phase)) {}
  void Run() override { stats_->RecordPhase(phase_, 42); }

 private:
  CompilationStatistics* stats_;
  std::string phase_;
};

void StartCompileJobs(Platform* platform, CompilationStatistics* stats, bool enabled) {
  stats->Initialize(enabled, /*sample_rate=*/4);
  for (int i = 0; i < platform->NumberOfWorkerThreads(); ++i) {
    platform->CallOnWorkerThread(std::make_unique<RecordPhaseTask>(stats, "graph-building"));
  }
}

}  // namespace internal
}  // namespace v8
