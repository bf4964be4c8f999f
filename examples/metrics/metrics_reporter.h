// Publishes counters to a collector every interval from a background thread,
// and gives the owner a failure callback that describes where it publishes.
#ifndef LOCKSTEP_EXAMPLES_METRICS_METRICS_REPORTER_H_
#define LOCKSTEP_EXAMPLES_METRICS_METRICS_REPORTER_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace examples {

class MetricsReporter {
 public:
  explicit MetricsReporter(std::string endpoint);
  ~MetricsReporter();

  void Start(std::chrono::milliseconds interval);
  void Stop();
  void Increment(const std::string& name, int64_t by = 1);
  // The collector moved: later reports go to `endpoint`.
  void SetEndpoint(std::string endpoint);
  // Called by the reporter thread when a report cannot be sent.
  std::function<std::string()> FailureDescription() const {
    return describe_failure_;
  }
  int64_t reports_sent() const { return reports_sent_.load(); }

 private:
  void ReportLoop(std::chrono::milliseconds interval);
  bool Send(const std::map<std::string, int64_t>& snapshot);

  std::mutex mu_;
  std::condition_variable wake_;
  std::map<std::string, int64_t> counters_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::string endpoint_;
  std::function<std::string()> describe_failure_;
  std::atomic<int64_t> reports_sent_{0};
  std::thread thread_;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_METRICS_METRICS_REPORTER_H_
