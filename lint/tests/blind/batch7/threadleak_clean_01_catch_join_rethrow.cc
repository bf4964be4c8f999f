// Index rebuild that must not leak its prefetch thread when a segment is
// rejected: the handler joins the helper before rethrowing, and the normal
// path joins before returning.

#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "mock/search_segment.h"

namespace search {

size_t RebuildAllChecked(const std::vector<Segment>& segments) {
  std::thread prefetcher(&PrefetchBlocks, std::cref(segments));
  size_t rebuilt = 0;
  try {
    for (const Segment& segment : segments) {
      if (segment.format_version > kMaxSupportedFormat) {
        throw std::runtime_error("segment " + segment.name + " has unsupported format");
      }
      RebuildIndex(segment);
      ++rebuilt;
    }
  } catch (...) {
    prefetcher.join();
    throw;
  }
  prefetcher.join();
  return rebuilt;
}

// Same, but reporting failure instead of throwing; the helper is joined on
// both returns.
bool TryRebuildAll(const std::vector<Segment>& segments) {
  std::thread prefetcher(&PrefetchBlocks, std::cref(segments));
  for (const Segment& segment : segments) {
    if (segment.format_version > kMaxSupportedFormat) {
      prefetcher.join();
      return false;
    }
    RebuildIndex(segment);
  }
  prefetcher.join();
  return true;
}

}  // namespace search
