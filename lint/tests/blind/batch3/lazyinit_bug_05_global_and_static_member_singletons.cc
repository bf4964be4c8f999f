// Two lazy singletons in a translation unit that uses threads and locks:
// a namespace-scope tracer pointer filled by GetTracer(), and a clock held
// in a static data member filled by SystemClock::Default(). Both are
// called from request threads; neither test-and-set is synchronized.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tracing {

class Tracer {
 public:
  void Record(const std::string& span) {
    std::lock_guard<std::mutex> lock(mu_);
    spans_.push_back(span);
  }

 private:
  std::mutex mu_;
  std::vector<std::string> spans_;
};

namespace {
Tracer* g_tracer = nullptr;
}  // namespace

Tracer* GetTracer() {
  if (g_tracer == nullptr)
    g_tracer = new Tracer();  // EXPECT: concurrency-lazy-init-race
  return g_tracer;
}

class SystemClock {
 public:
  static SystemClock* Default() {
    if (default_ == nullptr)
      default_ = new SystemClock();  // EXPECT: concurrency-lazy-init-race
    return default_;
  }

  int64_t NowMicros() {
    std::lock_guard<std::mutex> lock(mu_);
    auto now = std::chrono::system_clock::now().time_since_epoch();
    last_ = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
    return last_;
  }

 private:
  static SystemClock* default_;
  std::mutex mu_;
  int64_t last_ = 0;
};

SystemClock* SystemClock::default_ = nullptr;

inline void TraceFromWorkers(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i) {
    workers.emplace_back([] {
      GetTracer()->Record(std::to_string(SystemClock::Default()->NowMicros()));
    });
  }
  for (std::thread& t : workers) t.join();
}

}  // namespace tracing
