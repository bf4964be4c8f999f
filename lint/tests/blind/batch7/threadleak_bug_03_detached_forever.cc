// Background services of a storage node agent: a stall watchdog and a stats
// exporter, both started at boot and detached.

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include "mock/node_agent.h"

namespace nodeagent {

static void WatchdogLoop(Watchdog* watchdog) {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    watchdog->CheckStalls();
  }
}

static void ExportForever(StatsSink* sink, int interval_s) {
  while (true) {
    sink->Export(CollectStats());
    std::this_thread::sleep_for(std::chrono::seconds(interval_s));
  }
}

void StartWatchdog(Watchdog* watchdog) {
  std::thread(&WatchdogLoop, watchdog).detach();  // EXPECT: concurrency-thread-leak
}

void StartStatsExporter(StatsSink* sink, int interval_s) {
  std::thread exporter([sink, interval_s] { ExportForever(sink, interval_s); });
  exporter.detach();  // EXPECT: concurrency-thread-leak
}

void StartBackgroundServices(Watchdog* watchdog, StatsSink* sink, bool export_stats) {
  StartWatchdog(watchdog);
  if (export_stats) {
    StartStatsExporter(sink, /*interval_s=*/15);
  }
}

}  // namespace nodeagent
