// Index rebuild of a search engine's segment store: block prefetching runs on
// a helper thread while the segments are re-indexed in order.

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "mock/search_segment.h"

namespace search {

void RebuildAll(const std::vector<Segment>& segments) {
  std::thread prefetcher(&PrefetchBlocks, std::cref(segments));  // EXPECT: concurrency-thread-leak
  for (const Segment& segment : segments) {
    if (segment.format_version > kMaxSupportedFormat) {
      throw std::runtime_error("segment " + segment.name + " has unsupported format " +
                               std::to_string(segment.format_version));
    }
    RebuildIndex(segment);
  }
  prefetcher.join();
}

// Rebuilds only the segments written by the current format, skipping the
// others (used by the online repair path).
size_t RebuildCurrent(const std::vector<Segment>& segments) {
  size_t rebuilt = 0;
  for (const Segment& segment : segments) {
    if (segment.format_version != kMaxSupportedFormat) {
      continue;
    }
    RebuildIndex(segment);
    ++rebuilt;
  }
  return rebuilt;
}

}  // namespace search
