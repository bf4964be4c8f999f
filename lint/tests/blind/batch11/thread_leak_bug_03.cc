// Editor heartbeat in the style of an Unreal Engine editor module: a
// detached thread pings the crash-report client once a second so that a
// hung editor can be detected.
#include <chrono>
#include <cstdio>
#include <thread>

#include "unreal_core.h"

namespace EditorHeartbeat {

static FCriticalSection GHeartbeatCS;
static int64 GLastFrameNumber = 0;

void NotifyFrame(int64 FrameNumber) {
  FScopeLock Lock(&GHeartbeatCS);
  GLastFrameNumber = FrameNumber;
}

static void SendHeartbeat() {
  int64 Frame;
  {
    FScopeLock Lock(&GHeartbeatCS);
    Frame = GLastFrameNumber;
  }
  std::fprintf(stderr, "heartbeat frame=%lld\n", static_cast<long long>(Frame));
}

static void HeartbeatLoop(int IntervalMs) {
  const auto Interval = std::chrono::milliseconds(IntervalMs);
  for (;;) {
    SendHeartbeat();
    std::this_thread::sleep_for(Interval);
  }
}

void StartupModule() {
  std::thread Heartbeat(HeartbeatLoop, 1000);
  Heartbeat.detach();  // EXPECT: concurrency-thread-leak
}

}  // namespace EditorHeartbeat
