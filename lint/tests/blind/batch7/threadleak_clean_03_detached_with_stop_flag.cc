// Heartbeat sender of a storage node agent. The sender is detached, but its
// loop checks a process-wide atomic that the shutdown path clears, and the
// state it uses is heap-allocated and owned by the thread itself.

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "mock/node_agent.h"

namespace nodeagent {

std::atomic<bool> g_heartbeats_enabled{true};

struct HeartbeatState {
  StatsSink* sink;
  std::string node_id;
  int interval_ms;
};

static void HeartbeatLoop(std::unique_ptr<HeartbeatState> state) {
  while (g_heartbeats_enabled.load(std::memory_order_acquire)) {
    state->sink->Export("heartbeat " + state->node_id);
    std::this_thread::sleep_for(std::chrono::milliseconds(state->interval_ms));
  }
}

void StartHeartbeats(StatsSink* sink, std::string node_id, int interval_ms) {
  auto state = std::make_unique<HeartbeatState>(HeartbeatState{sink, std::move(node_id), interval_ms});
  std::thread(&HeartbeatLoop, std::move(state)).detach();
}

// Liveness probe: the loop ends when the probe fails.
static void ProbeLoop(StatsSink* sink) {
  for (;;) {
    std::string stats = CollectStats();
    if (stats.empty()) {
      break;
    }
    sink->Export("probe " + stats);
    std::this_thread::sleep_for(std::chrono::seconds(5));
  }
}

void StartProbe(StatsSink* sink) { std::thread(&ProbeLoop, sink).detach(); }

void StopHeartbeats() { g_heartbeats_enabled.store(false, std::memory_order_release); }

}  // namespace nodeagent
