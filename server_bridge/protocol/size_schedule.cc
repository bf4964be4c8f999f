#include "server_bridge/protocol/size_schedule.h"

#include <algorithm>
#include <cmath>

namespace lockstep::protocol {

double CaseSize(uint32_t cycle, uint64_t case_index) {
  if (cycle == 0) return kNoSize;
  return static_cast<double>(case_index % cycle + 1) / cycle;
}

double ContinueProbability(double size, size_t count, size_t min, size_t max) {
  if (count >= max) return 0.0;
  double mean = 5.0;
  if (size >= 0) {
    double range = static_cast<double>(std::min<size_t>(max - min, 100));
    double most = std::max(1.0, range / 2);
    mean = 1 + size * (most - 1);
  }
  return mean / (mean + 1);
}

uint32_t DepthLimit(double size, uint32_t max_depth) {
  if (size < 0) return max_depth;
  return std::max<uint32_t>(1,
                            static_cast<uint32_t>(std::ceil(size * max_depth)));
}

}  // namespace lockstep::protocol
