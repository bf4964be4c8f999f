// Metric name interning for the stats client. Every thread that records a
// metric goes through InternName(); the intern table is created on first use.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stats {

enum class MetricType { kCounter, kGauge, kHistogram };

class InternTable {
 public:
  uint32_t Intern(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    auto [it, inserted] = ids_.emplace(name, static_cast<uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }

  std::string NameOf(uint32_t id) {
    std::lock_guard<std::mutex> lock(mu_);
    return id < names_.size() ? names_[id] : std::string();
  }

 private:
  std::mutex mu_;
  std::map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
};

InternTable* GlobalInternTable() {
  static InternTable* table = nullptr;
  if (table == nullptr) table = new InternTable();  // EXPECT: concurrency-lazy-init-race
  return table;
}

struct MetricPoint {
  uint32_t name_id = 0;
  MetricType type = MetricType::kCounter;
  double value = 0;
};

MetricPoint MakePoint(const std::string& name, MetricType type, double value) {
  MetricPoint p;
  p.name_id = GlobalInternTable()->Intern(name);
  p.type = type;
  p.value = value;
  return p;
}

// Records a burst of metrics from several threads, as the benchmark does.
std::vector<MetricPoint> RecordBurst(const std::vector<std::string>& names, int threads) {
  std::vector<std::vector<MetricPoint>> per_thread(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&names, &per_thread, t] {
      for (const std::string& n : names) {
        per_thread[t].push_back(MakePoint(n, MetricType::kCounter, 1.0));
      }
    });
  }
  for (std::thread& th : pool) th.join();
  std::vector<MetricPoint> all;
  for (auto& v : per_thread) all.insert(all.end(), v.begin(), v.end());
  return all;
}

std::string Render(const MetricPoint& p) {
  const char* type = p.type == MetricType::kCounter ? "c" : p.type == MetricType::kGauge ? "g" : "h";
  return GlobalInternTable()->NameOf(p.name_id) + ":" + std::to_string(p.value) + "|" + type;
}


const char* MetricTypeName(MetricType t) {
  switch (t) {
    case MetricType::kCounter: return "counter";
    case MetricType::kGauge: return "gauge";
    case MetricType::kHistogram: return "histogram";
  }
  return "?";
}

}  // namespace stats
