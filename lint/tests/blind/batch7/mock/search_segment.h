// Stand-in for a search engine's segment store interface. Declarations only.
#ifndef BATCH7_MOCK_SEARCH_SEGMENT_H_
#define BATCH7_MOCK_SEARCH_SEGMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace search {

struct Segment {
  std::string name;
  uint32_t format_version;
};

constexpr uint32_t kMaxSupportedFormat = 7;

void PrefetchBlocks(const std::vector<Segment>& segments);
void RebuildIndex(const Segment& segment);

}  // namespace search

#endif  // BATCH7_MOCK_SEARCH_SEGMENT_H_
