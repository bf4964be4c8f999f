// A stats store in the style of Envoy's ThreadLocalStoreImpl and the flusher
// that the main thread runs on a timer to push metrics to the sinks.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "envoy/common/logger.h"
#include "envoy/thread/lock_guard.h"
#include "envoy/thread/thread.h"

namespace Envoy {
namespace Stats {

class Counter {
 public:
  explicit Counter(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  void add(uint64_t amount) { value_.fetch_add(amount, std::memory_order_relaxed); }
  void inc() { add(1); }
  uint64_t value() const { return value_.load(std::memory_order_relaxed); }
  // Returns the increase since the last latch.
  uint64_t latch() { return value() - latched_.exchange(value(), std::memory_order_relaxed); }

 private:
  const std::string name_;
  std::atomic<uint64_t> value_{0};
  std::atomic<uint64_t> latched_{0};
};

class Gauge {
 public:
  explicit Gauge(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  void set(uint64_t v) { value_.store(v, std::memory_order_relaxed); }
  uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  const std::string name_;
  std::atomic<uint64_t> value_{0};
};

struct MetricSnapshot {
  std::vector<std::pair<std::string, uint64_t>> counters;
  std::vector<std::pair<std::string, uint64_t>> gauges;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void flush(const MetricSnapshot& snapshot) PURE;
};

class StatsFlusher;

class Store {
 public:
  // Worker threads create counters lazily the first time a filter names one.
  Counter& counterFromName(const std::string& name) {
    Thread::LockGuard lock(lock_);
    auto it = counters_.find(name);
    if (it == counters_.end()) {
      it = counters_.emplace(name, std::make_unique<Counter>(name)).first;
    }
    return *it->second;
  }

  Gauge& gaugeFromName(const std::string& name) {
    Thread::LockGuard lock(lock_);
    auto it = gauges_.find(name);
    if (it == gauges_.end()) {
      it = gauges_.emplace(name, std::make_unique<Gauge>(name)).first;
    }
    return *it->second;
  }

  size_t numCounters() {
    Thread::LockGuard lock(lock_);
    return counters_.size();
  }

 private:
  friend class StatsFlusher;

  Thread::MutexBasicLockable lock_;
  std::map<std::string, std::unique_ptr<Counter>> counters_ ABSL_GUARDED_BY(lock_);
  std::map<std::string, std::unique_ptr<Gauge>> gauges_ ABSL_GUARDED_BY(lock_);
};

// Runs on the main thread every stats_flush_interval.
class StatsFlusher {
 public:
  StatsFlusher(Store& store, std::vector<std::unique_ptr<Sink>> sinks)
      : store_(store), sinks_(std::move(sinks)) {}

  void flush() {
    MetricSnapshot snapshot;
    for (const auto& [name, counter] : store_.counters_) {  // EXPECT: concurrency-unguarded-field
      snapshot.counters.emplace_back(name, counter->latch());
    }
    {
      Thread::LockGuard lock(store_.lock_);
      for (const auto& [name, gauge] : store_.gauges_) {
        snapshot.gauges.emplace_back(name, gauge->value());
      }
    }
    for (auto& sink : sinks_) sink->flush(snapshot);
    ++flushes_;
    ENVOY_LOG(debug, "flushed {} counters", snapshot.counters.size());
  }

  uint64_t flushes() const { return flushes_; }

 private:
  Store& store_;
  std::vector<std::unique_ptr<Sink>> sinks_;
  uint64_t flushes_{0};  // main thread only
};

class LoggingSink : public Sink {
 public:
  void flush(const MetricSnapshot& snapshot) override {
    for (const auto& [name, value] : snapshot.counters) {
      if (value > 0) ENVOY_LOG_MISC(info, "{}: +{}", name, value);
    }
  }
};

}  // namespace Stats
}  // namespace Envoy
