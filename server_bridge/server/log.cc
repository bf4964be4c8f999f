#include "server_bridge/server/log.h"

#include <unistd.h>

#include <cstdio>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace lockstep::server {

void Log(const std::string& line) {
  std::string stamp =
      absl::FormatTime("%Y-%m-%d %H:%M:%E3S", absl::Now(), absl::UTCTimeZone());
  std::fprintf(stderr, "%s lockstep-engine[%d] %s\n", stamp.c_str(), getpid(),
               line.c_str());
}

}  // namespace lockstep::server
