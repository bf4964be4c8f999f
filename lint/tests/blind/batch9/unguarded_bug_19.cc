// A process-wide metrics registry: request handlers register and update
// metrics, and an exporter task renders them in the Prometheus text format
// on a background executor every few seconds.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace metrics {

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void Schedule(std::function<void()> fn) = 0;
  virtual void ScheduleAfter(std::chrono::milliseconds delay, std::function<void()> fn) = 0;
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual bool Send(const std::string& payload) = 0;
};

enum class MetricType { kCounter, kGauge, kHistogram };

class Metric {
 public:
  Metric(std::string help, MetricType type) : help_(std::move(help)), type_(type) {}
  void Add(double v) {
    double cur = value_.load(std::memory_order_relaxed);
    while (!value_.compare_exchange_weak(cur, cur + v, std::memory_order_relaxed)) {
    }
  }
  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  std::string Render(const std::string& name) const {
    std::ostringstream out;
    out << "# HELP " << name << " " << help_ << "\n";
    out << "# TYPE " << name << " " << TypeName() << "\n";
    out << name << " " << value_.load(std::memory_order_relaxed) << "\n";
    return out.str();
  }

 private:
  const char* TypeName() const {
    switch (type_) {
      case MetricType::kCounter: return "counter";
      case MetricType::kGauge: return "gauge";
      case MetricType::kHistogram: return "histogram";
    }
    return "untyped";
  }

  const std::string help_;
  const MetricType type_;
  std::atomic<double> value_{0};
};

class MetricsRegistry {
 public:
  explicit MetricsRegistry(Exporter* exporter) : exporter_(exporter) {}

  Metric* GetOrCreate(const std::string& name, const std::string& help, MetricType type) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = metrics_.find(name);
    if (it == metrics_.end()) {
      it = metrics_.emplace(name, std::make_unique<Metric>(help, type)).first;
      ++generation_;
    }
    return it->second.get();
  }

  void Unregister(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    if (metrics_.erase(name) > 0) ++generation_;
  }

  std::string RenderAll() {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    for (const auto& [name, metric] : metrics_) out += metric->Render(name);
    return out;
  }

  void StartPeriodicExport(Executor* executor, std::chrono::milliseconds period) {
    executor->ScheduleAfter(period, [this, executor, period] {
      std::string payload;
      for (const auto& [name, metric] : metrics_) {  // EXPECT: concurrency-unguarded-field
        payload += metric->Render(name);
      }
      if (!exporter_->Send(payload)) failed_exports_.fetch_add(1, std::memory_order_relaxed);
      StartPeriodicExport(executor, period);
    });
  }

  uint64_t generation() {
    std::lock_guard<std::mutex> lock(mu_);
    return generation_;
  }

  uint64_t failed_exports() const { return failed_exports_.load(std::memory_order_relaxed); }

 private:
  Exporter* const exporter_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Metric>> metrics_;  // guarded by mu_
  uint64_t generation_ = 0;  // guarded by mu_
  std::atomic<uint64_t> failed_exports_{0};
};

// Typical handler-side use.
class RequestMetrics {
 public:
  explicit RequestMetrics(MetricsRegistry* registry)
      : requests_(registry->GetOrCreate("http_requests_total", "Requests served",
                                        MetricType::kCounter)),
        in_flight_(registry->GetOrCreate("http_requests_in_flight", "Requests in flight",
                                         MetricType::kGauge)) {}

  void OnStart() { requests_->Add(1); }
  void SetInFlight(int n) { in_flight_->Set(n); }

 private:
  Metric* const requests_;
  Metric* const in_flight_;
};

}  // namespace metrics
