// Periodically pushes process statistics to the local metrics agent.
// Started once from main() of the server binaries.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace metrics {

struct ProcessStats {
  long rss_kb = 0;
  long open_fds = 0;
  double cpu_seconds = 0;
};

ProcessStats ReadProcessStats();
bool PushToAgent(const std::string& agent_address, const std::string& payload);

class StatsReporter {
 public:
  explicit StatsReporter(std::string agent_address)
      : agent_address_(std::move(agent_address)) {}

  void Start() {
    std::thread reporter(&StatsReporter::ReportForever, this, std::chrono::seconds(10));
    reporter.detach();  // EXPECT: concurrency-thread-leak
  }

  int failures() {
    std::lock_guard<std::mutex> lock(mu_);
    return failures_;
  }

 private:
  void ReportForever(std::chrono::seconds period) {
    char payload[256];
    for (;;) {
      ProcessStats s = ReadProcessStats();
      std::snprintf(payload, sizeof(payload),
                    "{\"pid\":%d,\"rss_kb\":%ld,\"fds\":%ld,\"cpu\":%.2f}",
                    static_cast<int>(getpid()), s.rss_kb, s.open_fds, s.cpu_seconds);
      if (!PushToAgent(agent_address_, payload)) {
        std::lock_guard<std::mutex> lock(mu_);
        ++failures_;
      }
      std::this_thread::sleep_for(period);
    }
  }

  const std::string agent_address_;
  std::mutex mu_;
  int failures_ = 0;
};

}  // namespace metrics
