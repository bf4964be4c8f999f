#include "examples/metrics/metrics_reporter.h"

#include <utility>

namespace examples {

MetricsReporter::MetricsReporter(std::string endpoint)
    : endpoint_(std::move(endpoint)) {
  // BUG: the closure captures `this` and reads endpoint_ whenever a report
  // fails, on the reporter thread, while SetEndpoint() rewrites it on the
  // caller's thread without the lock. Capturing the value or taking mu_ on
  // both sides fixes it.
  describe_failure_ = [this] { return "cannot reach collector " + endpoint_; };
}

MetricsReporter::~MetricsReporter() { Stop(); }

void MetricsReporter::Start(std::chrono::milliseconds interval) {
  thread_ = std::thread([this, interval] { ReportLoop(interval); });
}

void MetricsReporter::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MetricsReporter::Increment(const std::string& name, int64_t by) {
  std::lock_guard<std::mutex> lock(mu_);
  counters_[name] += by;
}

void MetricsReporter::SetEndpoint(std::string endpoint) {
  endpoint_ = std::move(endpoint);
}

void MetricsReporter::ReportLoop(std::chrono::milliseconds interval) {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, interval, [this] { return stopping_; });
    // Copy under the lock, send without it: a slow collector must not block
    // Increment().
    std::map<std::string, int64_t> snapshot = counters_;
    lock.unlock();
    if (Send(snapshot)) reports_sent_.fetch_add(1);
    lock.lock();
  }
}

bool MetricsReporter::Send(const std::map<std::string, int64_t>& snapshot) {
  return !snapshot.empty();
}

}  // namespace examples
