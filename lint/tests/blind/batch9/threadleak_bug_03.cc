// A stats reporter for a game server: once started it pushes the server's
// counters to the metrics endpoint every ten seconds, forever.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gameserver {

struct ServerCounters {
  std::atomic<uint64_t> players_online{0};
  std::atomic<uint64_t> matches_started{0};
  std::atomic<uint64_t> packets_in{0};
  std::atomic<uint64_t> packets_out{0};
};

class MetricsEndpoint {
 public:
  virtual ~MetricsEndpoint() = default;
  virtual bool Push(const std::string& body) = 0;
};

class StatsReporter {
 public:
  StatsReporter(const ServerCounters* counters, MetricsEndpoint* endpoint, std::string server_id)
      : counters_(counters), endpoint_(endpoint), server_id_(std::move(server_id)) {}

  // Fire and forget: the reporter lives as long as the process.
  void Start() {
    std::thread(&StatsReporter::Loop, this).detach();  // EXPECT: concurrency-thread-leak
  }

  // Trims the failure log once a minute; also fire and forget.
  void StartJanitor() {
    std::thread([this] {
      while (true) {
        std::this_thread::sleep_for(std::chrono::minutes(1));
        std::lock_guard<std::mutex> lock(mu_);
        if (failures_.size() > 4) failures_.erase(failures_.begin(), failures_.end() - 4);
      }
    }).detach();  // EXPECT: concurrency-thread-leak
  }

  std::vector<std::string> RecentFailures() {
    std::lock_guard<std::mutex> lock(mu_);
    return failures_;
  }

 private:
  void Loop() { PumpForever(std::chrono::seconds(10)); }

  void PumpForever(std::chrono::seconds period) {
    for (;;) {
      std::this_thread::sleep_for(period);
      ReportOnce();
    }
  }

  void ReportOnce() {
    std::string body = Render();
    if (!endpoint_->Push(body)) {
      std::lock_guard<std::mutex> lock(mu_);
      failures_.push_back(body.substr(0, 64));
      if (failures_.size() > 16) failures_.erase(failures_.begin());
    }
  }

  std::string Render() const {
    char buf[256];
    std::snprintf(buf, sizeof(buf),
                  "server=%s players=%llu matches=%llu pkts_in=%llu pkts_out=%llu",
                  server_id_.c_str(),
                  static_cast<unsigned long long>(counters_->players_online.load()),
                  static_cast<unsigned long long>(counters_->matches_started.load()),
                  static_cast<unsigned long long>(counters_->packets_in.load()),
                  static_cast<unsigned long long>(counters_->packets_out.load()));
    return buf;
  }

  const ServerCounters* const counters_;
  MetricsEndpoint* const endpoint_;
  const std::string server_id_;
  std::mutex mu_;
  std::vector<std::string> failures_;
};

class StdoutEndpoint : public MetricsEndpoint {
 public:
  bool Push(const std::string& body) override {
    return std::printf("%s\n", body.c_str()) > 0;
  }
};

// Called from main() after the listener is up.
StatsReporter* StartReporting(const ServerCounters* counters, const std::string& id) {
  static StdoutEndpoint endpoint;
  auto* reporter = new StatsReporter(counters, &endpoint, id);
  reporter->Start();
  reporter->StartJanitor();
  return reporter;
}

void OnMatchStart(ServerCounters* counters, int players) {
  counters->matches_started.fetch_add(1, std::memory_order_relaxed);
  counters->players_online.fetch_add(static_cast<uint64_t>(players), std::memory_order_relaxed);
}

void OnPacket(ServerCounters* counters, bool inbound) {
  (inbound ? counters->packets_in : counters->packets_out).fetch_add(1, std::memory_order_relaxed);
}

}  // namespace gameserver
